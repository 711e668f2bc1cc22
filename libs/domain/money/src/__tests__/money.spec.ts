import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { isCurrencyCode, minorUnitDigits } from '../currency';
import { addMoney, formatMoneyPlain, MAX_AMOUNT_MINOR, money, parseMoney, subtractMoney } from '../money';

describe('currencies', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['CLF', 4],
    ['XYZ', 2],
  ])('%s has %p minor digits', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it.each([['eur'], ['EURO'], ['EU'], [''], ['E1R'], [' EUR']])('rejects malformed code %j', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(() => minorUnitDigits(code)).toThrow(DomainError);
  });
});

describe('parseMoney / formatMoneyPlain', () => {
  it.each([
    ['1234.5', 'EUR', 123450n, '1234.50'],
    ['1234.50', 'EUR', 123450n, '1234.50'],
    ['0.05', 'USD', 5n, '0.05'],
    ['-0.05', 'USD', -5n, '-0.05'],
    ['-0', 'EUR', 0n, '0.00'],
    ['1000', 'GBP', 100000n, '1000.00'],
    ['1001', 'JPY', 1001n, '1001'],
    ['10', 'KWD', 10000n, '10.000'],
    ['1.234', 'BHD', 1234n, '1.234'],
    ['92233720368547758.07', 'EUR', MAX_AMOUNT_MINOR, '92233720368547758.07'],
  ])('parseMoney(%s, %s) = %p minor → %s', (text, currency, amountMinor, formatted) => {
    const parsed = parseMoney(text, currency);
    expect(parsed).toEqual({ amountMinor, currency });
    expect(formatMoneyPlain(parsed)).toBe(formatted);
  });

  it.each([
    ['1.234', 'EUR', 'more than 2 decimals for EUR'],
    ['1.5', 'JPY', 'more than 0 decimals for JPY'],
    ['1.0', 'JPY', 'more than 0 decimals for JPY'],
    ['0.0001', 'KWD', 'more than 3 decimals for KWD'],
    ['abc', 'EUR', 'is not a number'],
    ['1,000.00', 'EUR', 'is not a number'],
    ['', 'EUR', 'is not a number'],
    ['92233720368547758.08', 'EUR', 'too large'],
    ['-92233720368547758.08', 'EUR', 'too large'],
    ['1', 'eur', 'not an ISO 4217 currency code'],
  ])('parseMoney(%j, %s) fails: %s', (text, currency, reason) => {
    expect(() => parseMoney(text, currency)).toThrow(reason);
    try {
      parseMoney(text, currency, 'amount');
    } catch (error) {
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).fields?.['amount']?.[0]).toContain(reason);
    }
  });

  it('format then parse round-trips for every currency exponent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'),
        (amountMinor, currency) => {
          const value = money(amountMinor, currency);
          const text = formatMoneyPlain(value);
          expect(text).toMatch(minorUnitDigits(currency) === 0 ? /^-?\d+$/ : /^-?\d+\.\d+$/);
          expect(parseMoney(text, currency)).toEqual(value);
        },
      ),
    );
  });
});

describe('addMoney / subtractMoney', () => {
  it.each([
    [100n, 250n, 350n, -150n],
    [-5n, 5n, 0n, -10n],
    [0n, 0n, 0n, 0n],
  ])('%p and %p', (a, b, sum, difference) => {
    expect(addMoney(money(a, 'EUR'), money(b, 'EUR'))).toEqual({ amountMinor: sum, currency: 'EUR' });
    expect(subtractMoney(money(a, 'EUR'), money(b, 'EUR'))).toEqual({ amountMinor: difference, currency: 'EUR' });
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(1n, 'EUR'), money(1n, 'USD'))).toThrow('Cannot combine EUR with USD.');
    expect(() => subtractMoney(money(1n, 'JPY'), money(1n, 'EUR'))).toThrow(DomainError);
  });

  it('refuses results beyond the bigint column range', () => {
    expect(() => addMoney(money(MAX_AMOUNT_MINOR, 'EUR'), money(1n, 'EUR'))).toThrow('out of range');
    expect(() => subtractMoney(money(-MAX_AMOUNT_MINOR, 'EUR'), money(1n, 'EUR'))).toThrow('out of range');
    expect(() => money(MAX_AMOUNT_MINOR + 1n, 'EUR')).toThrow(DomainError);
  });

  it('subtract inverts add', () => {
    const small = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });
    fc.assert(
      fc.property(small, small, (a, b) => {
        const x = money(a, 'USD');
        const y = money(b, 'USD');
        expect(subtractMoney(addMoney(x, y), y)).toEqual(x);
        expect(addMoney(x, y)).toEqual(addMoney(y, x));
      }),
    );
  });
});
