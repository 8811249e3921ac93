import { encode } from 'uqr';

/** An SVG QR code of a URL (medium error correction, with its quiet zone), drawn as one path. */
export function qrSvg(url: string): string {
  const { data, size } = encode(url, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="200" height="200" role="img" aria-label="二维码：${url.replace(/[<>&"]/g, '')}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
