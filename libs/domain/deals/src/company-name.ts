/**
 * Legal-form words that say nothing about which company it is. Compared after lower-casing and
 * removing dots, so `B.V.`, `b.v.` and `BV` are one token (`bv`).
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  // Netherlands and Belgium
  'bv', 'nv', 'vof', 'cv', 'bvba', 'bvoa', 'cvba', 'sprl', 'srl', 'sa', 'scrl', 'vzw', 'asbl', 'commv',
  // Germany, Austria, Switzerland
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'mbh', 'co', 'kgaa',
  // English-speaking
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'plc', 'corp', 'corporation', 'company', 'lp',
  // France, Spain, Italy, Nordics
  'sas', 'sarl', 'sasu', 'eurl', 'sl', 'spa', 'srls', 'ab', 'asa', 'oy', 'aps',
]);

/**
 * A company name reduced for matching: lower case, accents removed, `&` read as `and`, punctuation
 * dropped, legal-form words (B.V., GmbH, Ltd, …) removed wherever they stand, whitespace collapsed.
 * `ACME B.V.` and `Acme BV` both become `acme`. If only legal-form words remain, they are kept, so
 * a name never normalises to the empty string.
 */
export function normaliseCompanyName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots inside abbreviations join their letters (b.v. → bv); other punctuation separates words.
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = base.split(' ').filter((w) => w.length > 0);
  // An `and` (from `&`) directly before a legal-form word belongs to the legal form (`GmbH & Co. KG`, `Smith & Co.`).
  const kept = words.filter((w, i) => !LEGAL_SUFFIXES.has(w) && !(w === 'and' && LEGAL_SUFFIXES.has(words[i + 1] ?? '')));
  return (kept.length > 0 ? kept : words).join(' ');
}
