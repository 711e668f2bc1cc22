import fc from 'fast-check';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../cursor';

describe('cursor', () => {
  it.each([
    [[], 'W10'],
    [[1], 'WzFd'],
    [['a', 2], 'WyJhIiwyXQ'],
    [['2024-01-01T00:00:00.000Z', 'f1c2'], 'WyIyMDI0LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJmMWMyIl0'],
  ])('encodes %j as %s', (values, expected) => {
    expect(encodeCursor(values)).toBe(expected);
    expect(decodeCursor(expected)).toEqual(values);
  });

  it('produces url-safe text without padding', () => {
    const cursor = encodeCursor(['ÿ?>~', 'üñî©ødé ✓', 12.5]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(['ÿ?>~', 'üñî©ødé ✓', 12.5]);
  });

  it.each([
    [''],
    ['!!!!'],
    ['W10='],
    ['W1'],
    ['W11'],
    ['abc def'],
    [encodeCursor([]).slice(0, -1)],
    [Buffer.from('{"a":1}').toString('base64url')],
    [Buffer.from('"text"').toString('base64url')],
    [Buffer.from('[null]').toString('base64url')],
    [Buffer.from('[true]').toString('base64url')],
    [Buffer.from('[[1]]').toString('base64url')],
    [Buffer.from('[1,').toString('base64url')],
    [Buffer.from([0x5b, 0xff, 0x5d]).toString('base64url')],
    ['A'.repeat(MAX_CURSOR_LENGTH + 4)],
  ])('decodes garbage %j to null', (garbage) => {
    expect(decodeCursor(garbage)).toBeNull();
  });

  it('rejects non-canonical encodings of the same bytes', () => {
    // 'W10' is '[]'; 'W11' carries non-zero padding bits and must not decode to the same value.
    expect(decodeCursor('W10')).toEqual([]);
    expect(decodeCursor('W11')).toBeNull();
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])(
    'refuses to encode %p',
    (value) => {
      expect(() => encodeCursor([value])).toThrow(RangeError);
    },
  );

  const cursorValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  );

  it('round-trips any list of strings and finite numbers and agrees with Buffer base64url', () => {
    fc.assert(
      fc.property(fc.array(cursorValue, { maxLength: 8 }), (values) => {
        const cursor = encodeCursor(values);
        expect(cursor).toBe(Buffer.from(JSON.stringify(values), 'utf8').toString('base64url'));
        expect(decodeCursor(cursor)).toEqual(values);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/)), (text) => {
        const decoded = decodeCursor(text);
        if (decoded !== null) {
          expect(Array.isArray(decoded)).toBe(true);
          expect(encodeCursor(decoded)).toBe(text);
        }
      }),
    );
  });
});
