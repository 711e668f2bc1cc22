import fc from 'fast-check';
import { isPlausibleHost, normaliseDomain, normaliseEmail } from '../domain-name';

describe('normaliseDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  ACME.com  ', 'acme.com'],
    ['https://acme.com', 'acme.com'],
    ['http://acme.com/', 'acme.com'],
    ['HTTPS://WWW.Acme.COM/Path/To?x=1#frag', 'acme.com'],
    ['ftp://files.acme.com', 'files.acme.com'],
    ['git+ssh://git.acme.io', 'git.acme.io'],
    ['//cdn.acme.com/lib.js', 'cdn.acme.com'],
    ['www.acme.com', 'acme.com'],
    ['www.www.acme.com', 'acme.com'],
    ['foo.www.acme.com', 'foo.www.acme.com'],
    ['wwwacme.com', 'wwwacme.com'],
    ['www.com', 'www.com'],
    ['acme.com:8080', 'acme.com'],
    ['acme.com:', 'acme.com'],
    ['https://user:secret@www.acme.com:443/login', 'acme.com'],
    ['user@acme.com', 'acme.com'],
    ['Jane.Doe+tag@Mail.Acme.co.uk', 'mail.acme.co.uk'],
    ['mailto:jane@acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['https://acme.com./x', 'acme.com'],
    ['acme.com?ref=x', 'acme.com'],
    ['acme.com#top', 'acme.com'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['https://bücher.de/katalog', 'xn--bcher-kva.de'],
    ['my-company.example.org', 'my-company.example.org'],
    ['a1.b2', 'a1.b2'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['localhost'],
    ['https://localhost:3000'],
    ['acme'],
    ['acme..com'],
    ['.acme.com'],
    ['acme.com..'],
    ['-acme.com'],
    ['acme-.com'],
    ['acme.-com'],
    ['ac_me.com'],
    ['ac me.com'],
    ['acme.com:80a'],
    ['192.168.1.10'],
    ['http://10.0.0.1:8080/admin'],
    ['[::1]'],
    ['user@'],
    ['https://'],
    ['bücher.de\\evil.com'],
    [`${'a'.repeat(64)}.com`],
    [`${'a.'.repeat(126)}com`],
  ])('rejects %j', (input) => {
    expect(normaliseDomain(input)).toBeNull();
  });

  it('accepts a 63-character label and a 253-character host', () => {
    const label63 = 'a'.repeat(63);
    expect(normaliseDomain(`${label63}.com`)).toBe(`${label63}.com`);
    const host253 = `${'a'.repeat(61)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`;
    expect(host253).toHaveLength(253);
    expect(normaliseDomain(host253)).toBe(host253);
    expect(normaliseDomain(`a${host253}`)).toBeNull();
  });

  const label = fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      fc.stringMatching(/^[a-z0-9-]{0,10}$/),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    )
    .map(([first, middle, last]) => `${first}${middle}${last}`)
    .filter((l) => !l.startsWith('www'));
  const tld = fc.stringMatching(/^[a-z]{2,6}$/);
  const host = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
    .map(([labels, top]) => [...labels, top].join('.'));

  it('maps every decorated form of a host to the same domain', () => {
    fc.assert(
      fc.property(
        host,
        fc.constantFrom('', 'http://', 'https://', 'HTTPS://', '//'),
        fc.boolean(),
        fc.constantFrom('', 'user@', 'user:pw@'),
        fc.constantFrom('', ':80', ':8443'),
        fc.constantFrom('', '/', '/a/b', '?q=1', '#x', '/p?q#f'),
        fc.boolean(),
        (h, scheme, www, credentials, port, suffix, upper) => {
          let input = `${scheme}${credentials}${www ? 'www.' : ''}${h}${port}${suffix}`;
          if (upper) input = input.toUpperCase();
          expect(normaliseDomain(`  ${input} `)).toBe(h);
          expect(normaliseDomain(`someone@${h}`)).toBe(h);
        },
      ),
    );
  });

  it('is idempotent and only returns plausible hosts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), host, fc.webUrl(), fc.emailAddress()), (input) => {
        const once = normaliseDomain(input);
        if (once !== null) {
          expect(isPlausibleHost(once)).toBe(true);
          expect(normaliseDomain(once)).toBe(once);
          expect(once).toBe(once.toLowerCase());
        }
      }),
    );
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['  Jane.Doe@Acme.COM ', 'jane.doe@acme.com'],
    ['a@b.c', 'a@b.c'],
    ['\tX@Y.Z\n', 'x@y.z'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});
