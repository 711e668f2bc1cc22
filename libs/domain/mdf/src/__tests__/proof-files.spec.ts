import fc from 'fast-check';
import {
  extensionFor,
  MAX_PROOF_FILE_BYTES,
  MAX_PROOF_FILE_NAME_LENGTH,
  MAX_PROOF_FILES,
  PROOF_CONTENT_TYPES,
  PROOF_SNIFF_BYTES,
  type ProofContentType,
  type ProofFileCandidate,
  proofFileNameProblem,
  sniffProofType,
  validateProofFiles,
} from '../proof-files';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const PDF = bytes(...ascii('%PDF-1.7'));
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46);
const file = (name: string, size: number, head: Uint8Array = PDF): ProofFileCandidate => ({ name, size, head });

describe('limits', () => {
  it('are the brief’s: 10 MB each, 1–10 files, PDF/PNG/JPEG, names up to 255 characters', () => {
    expect(MAX_PROOF_FILE_BYTES).toBe(10_485_760);
    expect(MAX_PROOF_FILES).toBe(10);
    expect(PROOF_CONTENT_TYPES).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    expect(MAX_PROOF_FILE_NAME_LENGTH).toBe(255);
    expect(PROOF_SNIFF_BYTES).toBe(8);
  });
});

describe('sniffProofType', () => {
  it.each<[string, Uint8Array, ProofContentType | null]>([
    ['a PDF', PDF, 'application/pdf'],
    ['exactly "%PDF-"', bytes(...ascii('%PDF-')), 'application/pdf'],
    ['a PNG', PNG, 'image/png'],
    ['a JPEG (JFIF)', JPEG, 'image/jpeg'],
    ['a JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1), 'image/jpeg'],
    ['exactly FF D8 FF', bytes(0xff, 0xd8, 0xff), 'image/jpeg'],
    ['"%PDF" without the dash', bytes(...ascii('%PDF')), null],
    ['lower-case "%pdf-"', bytes(...ascii('%pdf-1.4')), null],
    ['a PNG signature cut short', PNG.slice(0, 7), null],
    ['a PNG with one byte wrong', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b), null],
    ['FF D8 without the third FF', bytes(0xff, 0xd8, 0x00), null],
    ['a GIF', bytes(...ascii('GIF89a')), null],
    ['a ZIP (docx)', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['HTML', bytes(...ascii('<html>')), null],
    ['a PDF signature not at the start', bytes(0x20, ...ascii('%PDF-1.7')), null],
    ['nothing', bytes(), null],
  ])('%s → %p', (_case, head, type) => {
    expect(sniffProofType(head)).toBe(type);
  });

  it('property: only heads that start with a signature are recognised, whatever follows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), fc.constantFrom(PDF.slice(0, 5), PNG, JPEG.slice(0, 3)), (rest, signature) => {
        expect(sniffProofType(bytes(...signature, ...rest))).not.toBeNull();
        const type = sniffProofType(rest);
        if (type !== null) expect([0x25, 0x89, 0xff]).toContain(rest[0]);
      }),
    );
  });
});

describe('extensionFor', () => {
  it.each<[ProofContentType, string]>([
    ['application/pdf', 'pdf'],
    ['image/png', 'png'],
    ['image/jpeg', 'jpg'],
  ])('%s → %s', (type, extension) => {
    expect(extensionFor(type)).toBe(extension);
  });

  it('refuses any other type', () => {
    expect(() => extensionFor('image/gif' as ProofContentType)).toThrow(RangeError);
  });
});

describe('proofFileNameProblem', () => {
  it.each([
    'invoice.pdf',
    'Rechnung März 2026.PDF',
    'photo (1).jpeg',
    '.hidden.png',
    '...pdf',
    'a',
    '請求書.pdf',
    'x'.repeat(255),
    '😀'.repeat(255), // 255 characters, 510 UTF-16 units
    ' leading and trailing spaces.pdf ',
  ])('accepts %p', (name) => {
    expect(proofFileNameProblem(name)).toBeNull();
  });

  it.each<[string, string]>([
    ['', 'The file name must not be empty.'],
    ['   ', 'The file name must not be empty.'],
    ['\t', 'The file name must not be empty.'],
    ['.', 'The file name must not be "." or "..".'],
    ['..', 'The file name must not be "." or "..".'],
    ['../etc/passwd', 'The file name must not contain / or \\.'],
    ['reports/q3.pdf', 'The file name must not contain / or \\.'],
    ['/invoice.pdf', 'The file name must not contain / or \\.'],
    ['C:\\invoices\\q3.pdf', 'The file name must not contain / or \\.'],
    ['..\\boot.ini', 'The file name must not contain / or \\.'],
    ['invoice\u0000.pdf', 'The file name must not contain control characters.'],
    ['in\nvoice.pdf', 'The file name must not contain control characters.'],
    ['invoice.pdf\r', 'The file name must not contain control characters.'],
    ['\u001finvoice.pdf', 'The file name must not contain control characters.'],
    ['invoice\u007f.pdf', 'The file name must not contain control characters.'],
    ['x'.repeat(256), 'The file name must be at most 255 characters long.'],
    ['😀'.repeat(256), 'The file name must be at most 255 characters long.'],
  ])('refuses %p: %s', (name, problem) => {
    expect(proofFileNameProblem(name)).toBe(problem);
  });

  it('accepts U+0080 and above (not in the refused control range)', () => {
    expect(proofFileNameProblem('caf\u00e9\u0080.pdf')).toBeNull();
  });

  it('property: every name with a separator or a control character is refused; plain printable names are accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('/', '\\', '\u0000', '\u0007', '\u001b', '\u007f'), fc.string({ maxLength: 40 }), (a, bad, b) => {
        expect(proofFileNameProblem(`${a}${bad}${b}`)).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 _().-]{1,200}$/), (name) => {
        const expected = name.trim() === '' ? 'The file name must not be empty.' : name === '.' || name === '..' ? 'The file name must not be "." or "..".' : null;
        expect(proofFileNameProblem(name)).toBe(expected);
      }),
    );
  });
});

describe('validateProofFiles', () => {
  it.each<[string, ProofFileCandidate[]]>([
    ['one PDF', [file('invoice.pdf', 1_234)]],
    ['one of each type', [file('a.pdf', 10, PDF), file('b.png', 10, PNG), file('c.jpg', 10, JPEG)]],
    ['exactly 10 MB', [file('big.pdf', MAX_PROOF_FILE_BYTES)]],
    ['exactly 10 files', Array.from({ length: 10 }, (_, i) => file(`p${i}.pdf`, 100))],
    ['a PNG named .pdf: the content decides, the name is display only', [file('scan.pdf', 100, PNG)]],
  ])('accepts %s', (_case, files) => {
    expect(validateProofFiles(files)).toEqual({});
  });

  it.each<[string, ProofFileCandidate[], Record<string, string[]>]>([
    ['no files', [], { files: ['Attach at least one proof file (PDF, PNG or JPEG).'] }],
    ['11 files', Array.from({ length: 11 }, (_, i) => file(`p${i}.pdf`, 100)), { files: ['Attach at most 10 proof files (got 11).'] }],
    ['an empty file', [file('a.pdf', 0, bytes())], { 'files[0]': ['The file is empty.'] }],
    ['one byte over 10 MB', [file('a.pdf', MAX_PROOF_FILE_BYTES + 1)], { 'files[0]': ['The file is larger than 10 MB.'] }],
    ['a GIF', [file('a.gif', 100, bytes(...ascii('GIF89a')))], { 'files[0]': ['The file must be a PDF, PNG or JPEG file (detected by content).'] }],
    ['an HTML page named .pdf', [file('a.pdf', 100, bytes(...ascii('<html>')))], { 'files[0]': ['The file must be a PDF, PNG or JPEG file (detected by content).'] }],
    ['a path as the name', [file('../../etc/passwd', 100)], { 'files[0]': ['The file name must not contain / or \\.'] }],
    [
      'several problems in several files, each keyed by its index',
      [file('ok.pdf', 100), file('', 0, bytes()), file('x.exe', MAX_PROOF_FILE_BYTES + 1, bytes(0x4d, 0x5a)), file('ok2.png', 5, PNG)],
      {
        'files[1]': ['The file name must not be empty.', 'The file is empty.'],
        'files[2]': ['The file is larger than 10 MB.', 'The file must be a PDF, PNG or JPEG file (detected by content).'],
      },
    ],
    [
      'too many files and a bad one among them',
      [...Array.from({ length: 10 }, (_, i) => file(`p${i}.pdf`, 100)), file('p10.pdf', 0, bytes())],
      { files: ['Attach at most 10 proof files (got 11).'], 'files[10]': ['The file is empty.'] },
    ],
  ])('reports %s', (_case, files, errors) => {
    expect(validateProofFiles(files)).toEqual(errors);
  });

  it('keys errors under another field name when asked', () => {
    expect(validateProofFiles([], 'input.files')).toEqual({ 'input.files': ['Attach at least one proof file (PDF, PNG or JPEG).'] });
    expect(validateProofFiles([file('a.pdf', 0, bytes())], 'input.files')).toEqual({ 'input.files[0]': ['The file is empty.'] });
  });

  it.each([-1, 1.5, Number.NaN])('treats an impossible size %p as a programming error', (size) => {
    expect(() => validateProofFiles([file('a.pdf', size)])).toThrow(RangeError);
  });

  it('property: a list is accepted exactly when it has 1–10 non-empty, ≤ 10 MB files with a known signature and a clean name', () => {
    const candidateArb = fc.record({
      name: fc.constantFrom('a.pdf', 'b.png', '', '..', 'x/y.pdf'),
      size: fc.constantFrom(0, 1, MAX_PROOF_FILE_BYTES, MAX_PROOF_FILE_BYTES + 1),
      head: fc.constantFrom(PDF, PNG, JPEG, bytes(0x00, 0x01)),
    });
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 12 }), (files) => {
        const errors = validateProofFiles(files);
        const good =
          files.length >= 1 &&
          files.length <= MAX_PROOF_FILES &&
          files.every((f) => f.size > 0 && f.size <= MAX_PROOF_FILE_BYTES && sniffProofType(f.head) !== null && proofFileNameProblem(f.name) === null);
        expect(Object.keys(errors).length === 0).toBe(good);
        for (const key of Object.keys(errors)) expect(key).toMatch(/^files(\[\d+\])?$/);
      }),
    );
  });
});
