import fc from 'fast-check';
import {
  canonicalDecimal,
  compareDecimal,
  formatCanonical,
  formatFixed,
  isDecimalString,
  MAX_DECIMAL_LENGTH,
  parseDecimal,
  subtractDecimal,
} from '../decimal';
import { DomainError } from '@prm/domain/common';

describe('parseDecimal', () => {
  it.each([
    ['0', 0n, 0],
    ['10', 10n, 0],
    ['1500000.00', 150000000n, 2],
    ['95.5', 955n, 1],
    ['-12.340', -12340n, 3],
    ['007', 7n, 0],
    ['0.0001', 1n, 4],
  ])('parses %s', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each([[''], ['.5'], ['5.'], ['+5'], ['1e3'], [' 1'], ['1 '], ['1,5'], ['--1'], ['0x10'], ['NaN'], ['1.2.3'], ['١٢']])(
    'rejects %j',
    (text) => {
      expect(parseDecimal(text)).toBeNull();
      expect(isDecimalString(text)).toBe(false);
    },
  );

  it('refuses strings longer than the guard', () => {
    expect(parseDecimal('9'.repeat(MAX_DECIMAL_LENGTH))).not.toBeNull();
    expect(parseDecimal('9'.repeat(MAX_DECIMAL_LENGTH + 1))).toBeNull();
  });
});

describe('isDecimalString shape options', () => {
  it.each([
    ['12.5', {}, true],
    ['-12.5', {}, true],
    ['-12.5', { allowNegative: false }, false],
    ['12.5', { allowNegative: false }, true],
    ['12.345', { maxFractionDigits: 2 }, false],
    ['12.34', { maxFractionDigits: 2 }, true],
    ['12', { maxFractionDigits: 0 }, true],
  ])('%s with %j → %s', (text, shape, expected) => {
    expect(isDecimalString(text, shape)).toBe(expected);
  });
});

describe('formatting', () => {
  it.each([
    [123450n, 2, '1234.50'],
    [5n, 2, '0.05'],
    [-5n, 2, '-0.05'],
    [0n, 2, '0.00'],
    [1234n, 0, '1234'],
    [-1n, 3, '-0.001'],
  ])('formatFixed(%p, %p) = %s', (units, scale, expected) => {
    expect(formatFixed(units, scale)).toBe(expected);
  });

  it.each([
    ['012.500', '12.5'],
    ['-0.000', '0'],
    ['-0', '0'],
    ['100.0000', '100'],
    ['1500000.00', '1500000'],
    ['0.0100', '0.01'],
    ['-3.10', '-3.1'],
  ])('canonicalDecimal(%s) = %s', (text, expected) => {
    expect(canonicalDecimal(text)).toBe(expected);
  });

  it('throws BAD_USER_INPUT with the field for malformed text', () => {
    expect(() => canonicalDecimal('abc', 'min')).toThrow(DomainError);
    try {
      canonicalDecimal('abc', 'min');
    } catch (error) {
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect(Object.keys((error as DomainError).fields ?? {})).toEqual(['min']);
    }
  });
});

describe('compare and subtract', () => {
  it.each([
    ['10', '10.00', 0],
    ['9.99', '10', -1],
    ['10.0001', '10', 1],
    ['-1', '0', -1],
    ['1500000.00', '1499999.999', 1],
  ])('compareDecimal(%s, %s) = %p', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });

  it.each([
    ['10', '7.5', '2.5'],
    ['1500000.00', '1234567.89', '265432.11'],
    ['95.5', '95.50', '0'],
    ['1', '1.0001', '-0.0001'],
  ])('subtractDecimal(%s, %s) = %s', (a, b, expected) => {
    expect(subtractDecimal(a, b)).toBe(expected);
  });

  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }))
    .map(([units, scale]) => ({ units, scale, text: formatFixed(units, scale) }));

  it('agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        // a.units/10^a.scale vs b.units/10^b.scale, cross-multiplied.
        const left = a.units * 10n ** BigInt(b.scale);
        const right = b.units * 10n ** BigInt(a.scale);
        const expected = left < right ? -1 : left > right ? 1 : 0;
        expect(compareDecimal(a.text, b.text)).toBe(expected);
        expect(compareDecimal(b.text, a.text)).toBe(expected === 0 ? 0 : -expected);
        expect(Math.sign(compareDecimal(subtractDecimal(a.text, b.text), '0'))).toBe(expected);
      }),
    );
  });

  it('canonical form is idempotent, value-preserving and has no redundant zeros', () => {
    fc.assert(
      fc.property(decimal, ({ units, scale, text }) => {
        const canonical = formatCanonical({ units, scale });
        expect(canonicalDecimal(canonical)).toBe(canonical);
        expect(compareDecimal(canonical, text)).toBe(0);
        expect(canonical).not.toMatch(/\.\d*0$|^-?0\d|^-0$/);
      }),
    );
  });

  it('subtract then add back returns the original value', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const difference = subtractDecimal(a.text, b.text);
        expect(compareDecimal(subtractDecimal(difference, subtractDecimal('0', b.text)), a.text)).toBe(0);
      }),
    );
  });
});
