import fc from 'fast-check';
import { LEGAL_SUFFIXES, normaliseCompanyName } from '../company-name';

const normalise = normaliseCompanyName;

/** Characters company names are typed with: ASCII plus accented Latin letters that decompose to a–z. */
const NAME_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'        ..,,&-/\'"()!?@#+*;:',
  ...'éèêëÉÈÊËáàâäãåÁÀÂÄÃÅíìîïÍÌÎÏóòôöõÓÒÔÖÕúùûüÚÙÛÜçÇñÑýÿÝ',
  '\t',
  '\n',
];
const nameArb = fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: 40 }).map((chars) => chars.join(''));
const suffixArb = fc.constantFrom(...LEGAL_SUFFIXES);
/** Any JavaScript string, including lone surrogates and non-Latin scripts. */
const anyStringArb = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), nameArb);

describe('normaliseCompanyName', () => {
  it.each<[string, string]>([
    ['Acme B.V.', 'acme'],
    ['ACME BV', 'acme'],
    ['acme bv', 'acme'],
    ['Acme N.V.', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme Inc', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme PLC', 'acme'],
    ['Acme S.A.R.L.', 'acme'],
    ['Acme S.p.A.', 'acme'],
    ['Acme Oy', 'acme'],
    ['AB Volvo', 'volvo'],
    ['Acme Holding BVBA', 'acme holding'],
    ['Acme Holding B.V.', 'acme holding'],
    ['Société Générale SA', 'societe generale'],
    ['Smith & Sons', 'smith and sons'],
    ['Smith and Sons', 'smith and sons'],
    ['Smith&Sons Ltd', 'smith and sons'],
    ['AT&T Inc.', 'at and t'],
    ['Müller GmbH', 'muller'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Müller GmbH und Co. KG', 'muller und'],
    ['Smith & Co.', 'smith'],
    ['Smith & Co. Ltd', 'smith'],
    ['Johnson & Johnson', 'johnson and johnson'],
    ['Procter & Gamble Co.', 'procter and gamble'],
    ['Ben & Jerry’s', 'ben and jerry s'],
    ['  Acme    Trading   B.V.  ', 'acme trading'],
    ['Acme\tTrading\nB.V.', 'acme trading'],
    ['Acme-Trading (Europe) B.V.', 'acme trading europe'],
    ['acme.com B.V.', 'acmecom'],
    ['3M Company', '3m'],
    ['7-Eleven, Inc.', '7 eleven'],
    ['Crème Brûlée SARL', 'creme brulee'],
    ['ÅNGSTRÖM AB', 'angstrom'],
    ['Ｆｕｌｌｗｉｄｔｈ Ltd', 'fullwidth'],
    ['Acme', 'acme'],
    ['acme', 'acme'],
    ['', ''],
    ['   ', ''],
    ['!!!', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['B.V.', 'bv'],
    ['b.v.', 'bv'],
    ['GmbH', 'gmbh'],
    ['Ltd.', 'ltd'],
    ['S.A.', 'sa'],
    ['Co. KG', 'co kg'],
    ['GmbH & Co. KG', 'gmbh and co kg'],
    ['Inc., Ltd.', 'inc ltd'],
  ])('a name that is only a legal form is not emptied: %p → %p', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it.each<string[]>([
    ['Acme B.V.', 'ACME BV', 'acme bv', 'Acme BV.', 'A.C.M.E. B.V.', 'acme', 'ACME', 'Acme N.V.', 'Acme GmbH', 'Acme Ltd.', 'Acme, Inc.', 'Acme Limited'],
    ['Smith & Sons', 'Smith and Sons', 'SMITH AND SONS LTD', 'smith&sons'],
    ['Société Générale SA', 'SOCIETE GENERALE', 'Societe Generale S.A.'],
    ['Müller GmbH', 'Müller GmbH & Co. KG', 'MULLER KG', 'muller gmbh and co kg'],
  ])('one company, many spellings: %p', (...spellings) => {
    const expected = normalise(spellings[0]);
    for (const spelling of spellings) expect(normalise(spelling)).toBe(expected);
  });

  it.each<[string, string]>([
    ['Acme', 'Acme Holding'],
    ['Acme', 'Acme Trading'],
    ['Smith & Sons', 'Smith Sons'],
    ['Acme B.V.', 'Acne B.V.'],
    ['ACME 1', 'ACME 2'],
  ])('different companies stay different: %p vs %p', (a, b) => {
    expect(normalise(a)).not.toBe(normalise(b));
  });

  it('LEGAL_SUFFIXES holds lower-case dotless tokens only', () => {
    for (const suffix of LEGAL_SUFFIXES) expect(suffix).toMatch(/^[a-z]+$/);
    for (const suffix of ['bv', 'nv', 'bvba', 'gmbh', 'kg', 'co', 'ltd', 'inc', 'sa', 'sarl', 'ab']) expect(LEGAL_SUFFIXES.has(suffix)).toBe(true);
    for (const word of ['holding', 'group', 'and', 'the', 'international']) expect(LEGAL_SUFFIXES.has(word)).toBe(false);
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(anyStringArb, (name) => {
        const once = normalise(name);
        expect(normalise(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('property: only lower-case a–z, digits and single inner spaces', () => {
    fc.assert(
      fc.property(anyStringArb, (name) => {
        const result = normalise(name);
        expect(result).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
      { numRuns: 500 },
    );
  });

  it('property: never empty when the name has at least one ASCII letter or digit', () => {
    fc.assert(
      fc.property(nameArb, fc.constantFrom(...'aZ7'), nameArb, (before, alnum, after) => {
        expect(normalise(`${before}${alnum}${after}`)).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('property: case-insensitive', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const expected = normalise(name);
        expect(normalise(name.toUpperCase())).toBe(expected);
        expect(normalise(name.toLowerCase())).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('property: legal-form words around a real name are dropped, wherever they stand', () => {
    const wordArb = fc.stringMatching(/^[a-z][a-z0-9]{1,11}$/).filter((w) => !LEGAL_SUFFIXES.has(w) && w !== 'and');
    fc.assert(
      fc.property(fc.array(wordArb, { minLength: 1, maxLength: 4 }), fc.array(suffixArb, { maxLength: 2 }), fc.array(suffixArb, { maxLength: 2 }), (words, prefix, suffix) => {
        const name = [...prefix.map((s) => s.toUpperCase()), ...words, ...suffix.map((s) => `${s}.`)].join(' ');
        expect(normalise(name)).toBe(words.join(' '));
      }),
    );
  });

  it('property: dots inside a word do not matter, other punctuation separates words', () => {
    const wordArb = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => !LEGAL_SUFFIXES.has(w) && w !== 'and');
    fc.assert(
      fc.property(wordArb, wordArb, fc.constantFrom(',', '-', '/', '(', ')', '!', ' '), (a, b, separator) => {
        expect(normalise(`${[...a].join('.')}.`)).toBe(a);
        expect(normalise(`${a}${separator}${b}`)).toBe(`${a} ${b}`);
      }),
    );
  });

  it('property: `&` and `and` are interchangeable', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (left, right) => {
        expect(normalise(`${left} & ${right}`)).toBe(normalise(`${left} and ${right}`));
      }),
    );
  });
});
