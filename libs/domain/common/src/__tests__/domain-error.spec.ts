import { DomainError, ERROR_CODES, FieldErrorCollector, isDomainError } from '../domain-error';
import type { ErrorCode } from '../domain-error';

describe('DomainError', () => {
  it.each(ERROR_CODES.map((code) => [code]))('carries code %s', (code: ErrorCode) => {
    const error = new DomainError(code, 'Something happened.');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe(code);
    expect(error.message).toBe('Something happened.');
    expect(error.fields).toBeUndefined();
    expect('fields' in error).toBe(false);
    expect(isDomainError(error)).toBe(true);
  });

  it('keeps field messages', () => {
    const error = new DomainError('BAD_USER_INPUT', 'Invalid.', { 'rules[0].min': ['Must be a number.'] });
    expect(error.fields).toEqual({ 'rules[0].min': ['Must be a number.'] });
    expect(String(error)).toBe('DomainError: Invalid.');
  });

  it.each([[new Error('x')], ['DomainError'], [{ name: 'DomainError', code: 'NOT_FOUND' }], [null]])(
    'isDomainError(%p) is false',
    (value) => {
      expect(isDomainError(value)).toBe(false);
    },
  );

  it('lists exactly the six codes the API maps', () => {
    expect([...ERROR_CODES]).toEqual([
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
    ]);
  });
});

describe('FieldErrorCollector', () => {
  it('does nothing when empty', () => {
    const collector = new FieldErrorCollector();
    expect(collector.isEmpty).toBe(true);
    expect(() => collector.throwIfAny('Invalid.')).not.toThrow();
  });

  it('groups messages per field and throws BAD_USER_INPUT', () => {
    const collector = new FieldErrorCollector();
    collector.add('a', 'first');
    collector.add('b', 'other');
    collector.add('a', 'second');
    expect(collector.isEmpty).toBe(false);
    let thrown: unknown;
    try {
      collector.throwIfAny('Invalid input.');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const domainError = thrown as DomainError;
    expect(domainError.code).toBe('BAD_USER_INPUT');
    expect(domainError.message).toBe('Invalid input.');
    expect(domainError.fields).toEqual({ a: ['first', 'second'], b: ['other'] });
  });

  it('returns a defensive copy', () => {
    const collector = new FieldErrorCollector();
    collector.add('a', 'x');
    collector.toObject()['a']?.push('mutated');
    expect(collector.toObject()).toEqual({ a: ['x'] });
  });
});
