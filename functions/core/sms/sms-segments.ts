/**
 * How a text message is billed and delivered: in the GSM 03.38 7-bit alphabet when every
 * character is in it (160 characters in one message, 153 per part of a longer one, whose header
 * takes the rest), otherwise in UCS-2 (70, or 67 per part). A character of the GSM extension
 * table (€ [ ] { } and a few more) is sent as an escape and a second code, so it counts twice.
 */
export interface SmsSize {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the encoding counts them: septets in GSM-7, UTF-16 code units in UCS-2. */
  units: number;
  /** Messages the text is split into (and billed as); 0 for an empty text. */
  segments: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Whether every character of the text is in the GSM 7-bit alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

export function smsSize(text: string): SmsSize {
  const encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const units =
    encoding === 'GSM-7' ? [...text].reduce((n, char) => n + (EXTENSION.has(char) ? 2 : 1), 0) : text.length;
  const limit = LIMITS[encoding];
  const segments = units === 0 ? 0 : units <= limit.single ? 1 : Math.ceil(units / limit.part);
  return { encoding, units, segments };
}
