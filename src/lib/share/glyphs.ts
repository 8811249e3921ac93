/**
 * Characters the share images' font lacks, and what a card draws instead: a sub- or superscript in
 * its plain form (CO₂ → CO2), a zero-width or other format character not at all, a Chinese
 * character outside the font (CJK Extension B and on) as 〓; anything else cannot be drawn.
 */
import { hasGlyph } from './font';

/** Drawn for a Chinese character that Noto Sans SC lacks (CJK Extension B and on): 〓, the typesetter's mark for a missing character. */
export const MISSING_CHARACTER = '〓';

/** A character of a card's text that the font lacks, and what is drawn instead ('' when nothing is). */
export interface Substitution {
  char: string;
  drawn: string;
}

/** A text as the card draws it. */
export interface DrawableText {
  text: string;
  /** Characters drawn in another form. */
  substituted: Substitution[];
  /** Characters that cannot be drawn at all. */
  undrawable: string[];
}

/**
 * The text with each character the font lacks replaced by one it has: a zero-width or other formatting
 * character (zero-width space, joiners, byte-order mark, variation selectors…) is dropped; an
 * unusual space becomes a space; a character with a compatibility form the font has is drawn in
 * that form (NFKC: CO₂ → CO2, x² → x2, ① → 1); a Chinese character is drawn as 〓. Characters
 * the font has are never touched, so a card whose text the font covers is drawn as it always was.
 */
export function drawableText(text: string): DrawableText {
  const substituted: Substitution[] = [];
  const undrawable: string[] = [];
  let drawn = '';
  for (const char of text) {
    if (hasGlyph(char)) {
      drawn += char;
      continue;
    }
    const compatible = char.normalize('NFKC');
    let replacement: string | undefined;
    if (/^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u.test(char)) replacement = '';
    else if (/^\s$/u.test(char)) replacement = ' ';
    else if (compatible !== char && [...compatible].every(hasGlyph)) replacement = compatible;
    else if (/^\p{Unified_Ideograph}$/u.test(char) && hasGlyph(MISSING_CHARACTER)) replacement = MISSING_CHARACTER;
    if (replacement === undefined) {
      if (!undrawable.includes(char)) undrawable.push(char);
      drawn += char;
    } else {
      if (!substituted.some((item) => item.char === char)) substituted.push({ char, drawn: replacement });
      drawn += replacement;
    }
  }
  return { text: drawn, substituted, undrawable };
}

/** `"₂" (U+2082)`. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const shown = /^[\p{Cf}\p{Default_Ignorable_Code_Point}\s]$/u.test(char) ? '' : `"${char}" `;
  return `${shown}(U+${code})`;
}

/** Thrown when a card holds a character that neither the font nor a fallback can draw (it would be an empty box). */
export class MissingGlyphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingGlyphError';
    // Where in the drawing code it was found is of no use to whoever edits the content.
    this.stack = this.message;
  }
}
