export type CursorValue = string | number;

/** Cursors longer than this are rejected on decode: a cheap guard against oversized client input. */
export const MAX_CURSOR_LENGTH = 2048;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_INDEX = new Map<string, number>([...ALPHABET].map((char, index) => [char, index]));

/**
 * Opaque pagination cursor: base64url (no padding) of a JSON array of sort-key values.
 * Opaque so clients cannot rely on its shape; keyset pagination needs only the values.
 */
export function encodeCursor(values: readonly CursorValue[]): string {
  for (const value of values) {
    // JSON would silently turn NaN/Infinity into null and break the round trip.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`Cursor values must be finite numbers, got ${value}`);
    }
  }
  return toBase64Url(new TextEncoder().encode(JSON.stringify(values)));
}

/** Inverse of encodeCursor; returns null for anything it did not produce (never throws). */
export function decodeCursor(cursor: string): CursorValue[] | null {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return null;
  const bytes = fromBase64Url(cursor);
  if (bytes === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const values: CursorValue[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) values.push(item);
    else return null;
  }
  return values;
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const chunk = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET.charAt((chunk >> (18 - 6 * c)) & 63);
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  // A length of 4n+1 can never come from whole bytes.
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (const char of text) {
    const index = ALPHABET_INDEX.get(char);
    if (index === undefined) return null;
    buffer = (buffer << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[offset++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  // Non-zero leftover bits mean a non-canonical encoding; rejecting keeps one cursor per value list.
  if (buffer !== 0) return null;
  return bytes;
}
