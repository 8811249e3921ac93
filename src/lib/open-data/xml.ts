/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids cannot be escaped; refuse them rather than write a broken file.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) throw new Error(`text not allowed in XML: ${JSON.stringify(text)}`);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
