import { hashSeed, seededRandom } from '../seeded-random';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('stays in [0, 1) and spreads over the range', () => {
    const next = seededRandom(7);
    const values = Array.from({ length: 10_000 }, next);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const buckets = [0, 0, 0, 0];
    for (const v of values) buckets[Math.floor(v * 4)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(2_200);
  });
});

describe('hashSeed', () => {
  it.each([
    ['', 2_166_136_261],
    ['a', 3_826_002_220],
  ])('FNV-1a of %j is %i', (text, hash) => {
    expect(hashSeed(text)).toBe(hash);
  });
});
