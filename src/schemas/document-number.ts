/**
 * What is wrong with a 发文字号, in words an editor can act on: a space, markup, full-width
 * digits, a traditional character, the wrong brackets, a serial number 0 or with a leading zero.
 */
import { traditionalToSimplified } from '../lib/search/variants';

/** The standard form: an issuer's prefix, then 〔year〕serial号, or 令第serial号 for an order. */
const STANDARD = /^[^\s〔〕［］[\]()（）﹝﹞【】]+(?:〔(\d{4})〕(\d+)号|令第(\d+)号)$/;

const EXAMPLE = '"工信部联原〔2023〕130号"';

/** The message for a number that has none of the specific mistakes but still not the standard form. */
export const DOCUMENT_NUMBER_FORM = `expected a 发文字号 with standard 〔〕 brackets, e.g. ${EXAMPLE}, or an order number, e.g. "国家发展改革委令第7号"`;

/** The first thing wrong with a 发文字号, or undefined when it has the standard form. */
export function documentNumberProblem(value: string): string | undefined {
  if (/\s/.test(value)) return `has a space; write the 发文字号 without spaces, e.g. ${EXAMPLE}`;
  // Square brackets around the year are the wrong brackets (reported below), not markup.
  const markup = /[<>{}*[\]]/.exec(value.replace(/[[［][\d０-９]{4}[\]］]/, ''))?.[0];
  if (markup) return `has the markup character "${markup}"; write the 发文字号 as plain text, e.g. ${EXAMPLE}`;
  const fullWidth = value.match(/[０-９]+/g);
  if (fullWidth) return `full-width digits: write ${fullWidth.map((run) => `${halfWidth(run)} for ${run}`).join(', ')}`;
  const traditional = traditionalCharacters(value);
  if (traditional.length > 0) return traditional.map(([character, simplified]) => `traditional ${character}: write ${simplified}`).join('; ');
  const match = STANDARD.exec(value);
  if (!match) return DOCUMENT_NUMBER_FORM;
  const serial = match[2] ?? match[3];
  if (/^0+$/.test(serial)) return `the serial number is ${serial}; a 发文字号 counts from 1, e.g. ${EXAMPLE}`;
  if (serial.startsWith('0')) return `the serial number ${serial} has a leading zero; write ${Number(serial)}`;
  return undefined;
}

/** The year of a 发文字号 in the standard form (〔2023〕 → 2023); an order number has none. */
export function documentNumberYear(value: string): number | undefined {
  const year = STANDARD.exec(value)?.[1];
  return year === undefined ? undefined : Number(year);
}

function halfWidth(digits: string): string {
  return digits.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

let simplifiedOf: Map<string, string> | undefined;

/** The traditional characters of a text, each with its simplified form, by OpenCC's character table. */
function traditionalCharacters(text: string): [string, string][] {
  simplifiedOf ??= traditionalToSimplified();
  const found = [...new Set(text)].filter((character) => simplifiedOf!.has(character));
  return found.map((character) => [character, simplifiedOf!.get(character)!]);
}
