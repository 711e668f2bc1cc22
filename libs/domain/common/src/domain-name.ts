// Any `scheme://` prefix (http, https, ftp, …); partners paste all sorts of links.
const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:\/\//;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_LENGTH = 253;

/**
 * Reduces a website URL, e-mail address or bare host to a comparable host name
 * (`https://User@WWW.Acme.com:8080/x?y#z` → `acme.com`, `jo@acme.com` → `acme.com`),
 * or null when what remains is not a plausible public host name.
 */
export function normaliseDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  host = host.replace(SCHEME_PREFIX, '');
  if (host.startsWith('mailto:')) host = host.slice('mailto:'.length);
  if (host.startsWith('//')) host = host.slice(2);

  const pathStart = host.search(/[/?#]/);
  if (pathStart >= 0) host = host.slice(0, pathStart);
  // Last '@' so both `user:pass@host` and plain e-mail addresses keep only the host.
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, '');

  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = toAsciiHost(host);
    if (ascii === null) return null;
    host = ascii;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  // Strip leading `www.` labels, but never down to a bare TLD (`www.com` stays as is); looping keeps the function idempotent.
  while (host.startsWith('www.') && host.indexOf('.', 4) >= 0) host = host.slice(4);

  return isPlausibleHost(host) ? host : null;
}

/** E-mail addresses are compared case-insensitively everywhere in the portal. */
export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

export function isPlausibleHost(host: string): boolean {
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  // An all-digit last label means an IPv4 address, which is not an organisation's domain.
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

// IDN (e.g. `bücher.de`) → punycode via the WHATWG URL parser, available in Node and browsers alike.
function toAsciiHost(host: string): string | null {
  // The URL parser treats these as delimiters or decodes them; refuse rather than silently reinterpret.
  if (/[\s\\/%:@?#[\]]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}
