import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** High-entropy secrets (refresh, invitation, API key) are stored as SHA-256; they cannot be guessed, so no slow hash is needed. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
