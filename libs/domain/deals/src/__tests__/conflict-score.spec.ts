import fc from 'fast-check';
import { type ConflictEvidence, type ConflictReason, isMatch, MATCH_THRESHOLD, NAME_SIMILARITY_THRESHOLD, scoreConflict } from '../conflict-score';

const countryArb = fc.constantFrom<boolean | null>(true, false, null);
const similarityArb = fc.double({ min: 0, max: 1, noNaN: true });
const anySimilarityArb = fc.oneof(fc.double(), similarityArb, fc.constantFrom(0, 0.6, 0.999, 1, -0, Number.NaN));
const evidenceArb = fc.record({ sameDomain: fc.boolean(), nameSimilarity: anySimilarityArb, sameCountry: countryArb });

describe('thresholds', () => {
  it('match from 60, similar names from 0.6', () => {
    expect(MATCH_THRESHOLD).toBe(60);
    expect(NAME_SIMILARITY_THRESHOLD).toBe(0.6);
  });
});

describe('scoreConflict / isMatch', () => {
  it.each<[string, ConflictEvidence, number, ConflictReason[], boolean]>([
    ['same domain, same country', { sameDomain: true, nameSimilarity: 0.2, sameCountry: true }, 100, ['SAME_DOMAIN', 'SAME_COUNTRY'], true],
    ['same domain, other country', { sameDomain: true, nameSimilarity: 0.2, sameCountry: false }, 90, ['SAME_DOMAIN', 'OTHER_COUNTRY'], true],
    ['same domain, unknown country', { sameDomain: true, nameSimilarity: 0.2, sameCountry: null }, 95, ['SAME_DOMAIN'], true],
    ['same domain, same name, same country', { sameDomain: true, nameSimilarity: 1, sameCountry: true }, 100, ['SAME_DOMAIN', 'SAME_NAME', 'SAME_COUNTRY'], true],
    ['same domain, similar name, other country', { sameDomain: true, nameSimilarity: 0.8, sameCountry: false }, 90, ['SAME_DOMAIN', 'SIMILAR_NAME', 'OTHER_COUNTRY'], true],
    ['same domain, different name, unknown country', { sameDomain: true, nameSimilarity: 0, sameCountry: null }, 95, ['SAME_DOMAIN'], true],
    ['same name, same country, no domain: capped at 100', { sameDomain: false, nameSimilarity: 1, sameCountry: true }, 100, ['SAME_NAME', 'SAME_COUNTRY'], true],
    ['same name, unknown country', { sameDomain: false, nameSimilarity: 1, sameCountry: null }, 100, ['SAME_NAME'], true],
    ['same name, other country: not a match', { sameDomain: false, nameSimilarity: 1, sameCountry: false }, 59, ['SAME_NAME', 'OTHER_COUNTRY'], false],
    ['0.999 counts as the same name', { sameDomain: false, nameSimilarity: 0.999, sameCountry: null }, 100, ['SAME_NAME'], true],
    ['0.998 is only similar', { sameDomain: false, nameSimilarity: 0.998, sameCountry: null }, 100, ['SIMILAR_NAME'], true],
    ['0.97 same country: +5, capped', { sameDomain: false, nameSimilarity: 0.97, sameCountry: true }, 100, ['SIMILAR_NAME', 'SAME_COUNTRY'], true],
    ['0.9 same country', { sameDomain: false, nameSimilarity: 0.9, sameCountry: true }, 95, ['SIMILAR_NAME', 'SAME_COUNTRY'], true],
    ['0.7 other country: not a match', { sameDomain: false, nameSimilarity: 0.7, sameCountry: false }, 59, ['SIMILAR_NAME', 'OTHER_COUNTRY'], false],
    ['0.7 same country', { sameDomain: false, nameSimilarity: 0.7, sameCountry: true }, 75, ['SIMILAR_NAME', 'SAME_COUNTRY'], true],
    ['0.7 unknown country', { sameDomain: false, nameSimilarity: 0.7, sameCountry: null }, 70, ['SIMILAR_NAME'], true],
    ['0.6 same country', { sameDomain: false, nameSimilarity: 0.6, sameCountry: true }, 65, ['SIMILAR_NAME', 'SAME_COUNTRY'], true],
    ['0.6 unknown country: exactly the threshold', { sameDomain: false, nameSimilarity: 0.6, sameCountry: null }, 60, ['SIMILAR_NAME'], true],
    ['0.6 other country', { sameDomain: false, nameSimilarity: 0.6, sameCountry: false }, 59, ['SIMILAR_NAME', 'OTHER_COUNTRY'], false],
    ['0.59 same country: not a match', { sameDomain: false, nameSimilarity: 0.59, sameCountry: true }, 59, ['SAME_COUNTRY'], false],
    ['0.5999 same country: rounds to 60 but stays below the threshold', { sameDomain: false, nameSimilarity: 0.5999, sameCountry: true }, 59, ['SAME_COUNTRY'], false],
    ['0.59 unknown country', { sameDomain: false, nameSimilarity: 0.59, sameCountry: null }, 59, [], false],
    ['0.3 other country', { sameDomain: false, nameSimilarity: 0.3, sameCountry: false }, 30, ['OTHER_COUNTRY'], false],
    ['0.123 rounds to 12', { sameDomain: false, nameSimilarity: 0.123, sameCountry: null }, 12, [], false],
    ['0.125 rounds half up to 13', { sameDomain: false, nameSimilarity: 0.125, sameCountry: null }, 13, [], false],
    ['nothing in common', { sameDomain: false, nameSimilarity: 0, sameCountry: null }, 0, [], false],
    ['nothing in common, same country', { sameDomain: false, nameSimilarity: 0, sameCountry: true }, 0, ['SAME_COUNTRY'], false],
    ['similarity above 1 is clamped', { sameDomain: false, nameSimilarity: 1.7, sameCountry: true }, 100, ['SAME_NAME', 'SAME_COUNTRY'], true],
    ['similarity below 0 is clamped', { sameDomain: false, nameSimilarity: -0.4, sameCountry: true }, 0, ['SAME_COUNTRY'], false],
    ['+Infinity is clamped to 1', { sameDomain: false, nameSimilarity: Number.POSITIVE_INFINITY, sameCountry: null }, 100, ['SAME_NAME'], true],
    ['-Infinity is clamped to 0', { sameDomain: false, nameSimilarity: Number.NEGATIVE_INFINITY, sameCountry: null }, 0, [], false],
    ['NaN counts as no name evidence', { sameDomain: false, nameSimilarity: Number.NaN, sameCountry: true }, 0, ['SAME_COUNTRY'], false],
    ['NaN with the same domain', { sameDomain: true, nameSimilarity: Number.NaN, sameCountry: false }, 90, ['SAME_DOMAIN', 'OTHER_COUNTRY'], true],
  ])('%s → %d', (_label, evidence, score, reasons, match) => {
    const result = scoreConflict(evidence);
    expect(result).toEqual({ score, reasons });
    expect(isMatch(result)).toBe(match);
  });

  it.each<[number, boolean]>([
    [0, false],
    [59, false],
    [60, true],
    [61, true],
    [100, true],
  ])('isMatch({ score: %d }) → %p', (score, expected) => {
    expect(isMatch({ score, reasons: [] })).toBe(expected);
  });

  it('does not modify its input', () => {
    const evidence: ConflictEvidence = Object.freeze({ sameDomain: false, nameSimilarity: 1.5, sameCountry: true });
    scoreConflict(evidence);
    expect(evidence).toEqual({ sameDomain: false, nameSimilarity: 1.5, sameCountry: true });
  });

  it('property: the score is always an integer in [0, 100]', () => {
    fc.assert(
      fc.property(evidenceArb, (evidence) => {
        const { score } = scoreConflict(evidence);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('property: the same domain is always a match', () => {
    fc.assert(
      fc.property(anySimilarityArb, countryArb, (nameSimilarity, sameCountry) => {
        const result = scoreConflict({ sameDomain: true, nameSimilarity, sameCountry });
        expect(isMatch(result)).toBe(true);
        expect(result.score).toBe(sameCountry === true ? 100 : sameCountry === false ? 90 : 95);
        expect(result.reasons[0]).toBe('SAME_DOMAIN');
      }),
    );
  });

  it('property: without the same domain, a match needs a similar name and no country against it', () => {
    fc.assert(
      fc.property(similarityArb, countryArb, (nameSimilarity, sameCountry) => {
        const matched = isMatch(scoreConflict({ sameDomain: false, nameSimilarity, sameCountry }));
        expect(matched).toBe(nameSimilarity >= 0.6 && sameCountry !== false);
      }),
    );
  });

  it('property: on whole percentages the name score is the percentage, +5 in the same country, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), countryArb, (percent, sameCountry) => {
        let expected: number;
        if (percent < 60 || sameCountry === false) expected = Math.min(percent, 59);
        else expected = Math.min(100, percent + (sameCountry ? 5 : 0));
        expect(scoreConflict({ sameDomain: false, nameSimilarity: percent / 100, sameCountry }).score).toBe(expected);
      }),
    );
  });

  it('property: a higher similarity never lowers the score (other inputs fixed)', () => {
    fc.assert(
      fc.property(fc.boolean(), countryArb, anySimilarityArb, anySimilarityArb, (sameDomain, sameCountry, a, b) => {
        const clampedA = Number.isNaN(a) ? 0 : a;
        const clampedB = Number.isNaN(b) ? 0 : b;
        const [low, high] = clampedA <= clampedB ? [a, b] : [b, a];
        const lowScore = scoreConflict({ sameDomain, nameSimilarity: low, sameCountry }).score;
        const highScore = scoreConflict({ sameDomain, nameSimilarity: high, sameCountry }).score;
        expect(highScore).toBeGreaterThanOrEqual(lowScore);
      }),
    );
  });

  it('property: a same country never scores lower than unknown, and unknown never lower than another country', () => {
    fc.assert(
      fc.property(fc.boolean(), similarityArb, (sameDomain, nameSimilarity) => {
        const score = (sameCountry: boolean | null): number => scoreConflict({ sameDomain, nameSimilarity, sameCountry }).score;
        expect(score(true)).toBeGreaterThanOrEqual(score(null));
        expect(score(null)).toBeGreaterThanOrEqual(score(false));
      }),
    );
  });

  it('property: similarities outside [0, 1] are clamped', () => {
    fc.assert(
      fc.property(fc.boolean(), countryArb, fc.double({ min: 1, noNaN: true }), fc.double({ max: 0, noNaN: true }), (sameDomain, sameCountry, above, below) => {
        const at = (nameSimilarity: number) => scoreConflict({ sameDomain, nameSimilarity, sameCountry });
        expect(at(above)).toEqual(at(1));
        expect(at(below)).toEqual(at(0));
      }),
    );
  });

  it('property: the reasons describe the evidence', () => {
    fc.assert(
      fc.property(fc.boolean(), similarityArb, countryArb, (sameDomain, nameSimilarity, sameCountry) => {
        const { reasons } = scoreConflict({ sameDomain, nameSimilarity, sameCountry });
        const expected: ConflictReason[] = [];
        if (sameDomain) expected.push('SAME_DOMAIN');
        if (nameSimilarity >= 0.999) expected.push('SAME_NAME');
        else if (nameSimilarity >= 0.6) expected.push('SIMILAR_NAME');
        if (sameCountry === true) expected.push('SAME_COUNTRY');
        if (sameCountry === false) expected.push('OTHER_COUNTRY');
        expect(reasons).toEqual(expected);
      }),
    );
  });
});
