import fc from 'fast-check';
import { buildStatement, STATEMENT_ACTIONS, type StatementAction, type StatementLineInput, type StatementStatus, STATEMENT_STATUSES, statementTransition } from '../statements';
import { expectError, sum } from './helpers';

const line = (sourceType: string, sourceId: string, rule: string, unit: string, amountMinor: bigint, reason: string | null = null): StatementLineInput => ({ sourceType, sourceId, rule, unit, amountMinor, reason });

describe('buildStatement', () => {
  it('orders lines stably and totals per unit, never adding cash to points', () => {
    const lines = [
      line('DEAL', 'd2', 'SPIF', 'EUR', 25_000n),
      line('ACTIVITY', 'w1', 'WEBINAR', 'POINTS', 50n),
      line('DEAL', 'd1', 'SPIF', 'EUR', 12_500n),
      line('DEAL', 'd1', 'SPIF', 'EUR', -12_500n, 'Deal reversed'),
      line('VOLUME', '2026-Q1', 'REBATE tier 2', 'USD', 850_000n),
      line('ACTIVITY', 'w2', 'WEBINAR', 'POINTS', 20n),
      line('COMPLETION', 'c1', 'course-k8s', 'KWD', 12_345n),
    ];
    const statement = buildStatement(lines);
    expect(statement.lines.map((l) => `${l.unit} ${l.sourceId} ${l.amountMinor}`)).toEqual([
      'EUR d1 12500',
      'EUR d1 -12500', // the clawback sorts after the original (reason '' < 'Deal reversed')
      'EUR d2 25000',
      'KWD c1 12345',
      'POINTS w1 50',
      'POINTS w2 20',
      'USD 2026-Q1 850000',
    ]);
    expect(statement.totals).toEqual([
      { unit: 'EUR', totalMinor: 25_000n, lineCount: 3 },
      { unit: 'KWD', totalMinor: 12_345n, lineCount: 1 },
      { unit: 'POINTS', totalMinor: 70n, lineCount: 2 },
      { unit: 'USD', totalMinor: 850_000n, lineCount: 1 },
    ]);
  });

  it('an empty statement has no totals', () => {
    expect(buildStatement([])).toEqual({ lines: [], totals: [] });
  });

  it('keeps the caller\'s richer line type', () => {
    const statement = buildStatement([{ ...line('DEAL', 'd1', 'SPIF', 'EUR', 1n), dealName: 'Acme' }]);
    expect(statement.lines[0]?.dealName).toBe('Acme');
  });

  it('does not reorder the input array', () => {
    const lines = [line('DEAL', 'b', 'R', 'EUR', 1n), line('DEAL', 'a', 'R', 'EUR', 1n)];
    buildStatement(lines);
    expect(lines.map((l) => l.sourceId)).toEqual(['b', 'a']);
  });

  it.each(['eur', 'EURO', '', 'points'])('refuses the unit %p', (unit) => {
    expectError(() => buildStatement([line('DEAL', 'd', 'R', unit, 1n)]), 'BAD_USER_INPUT', /neither POINTS nor a currency/);
  });

  const linesArb = fc.array(
    fc.record({
      sourceType: fc.constantFrom('DEAL', 'ACTIVITY', 'VOLUME'),
      sourceId: fc.constantFrom('a', 'b', 'c', 'd'),
      rule: fc.constantFrom('R1', 'R2'),
      unit: fc.constantFrom('EUR', 'JPY', 'POINTS'),
      amountMinor: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      reason: fc.constantFrom(null, 'Reversed'),
    }),
    { maxLength: 30 },
  );

  it('property: each total is the sum of its unit\'s lines, and the line counts add up', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const statement = buildStatement(lines);
        for (const total of statement.totals) {
          const ofUnit = lines.filter((l) => l.unit === total.unit);
          expect(total.totalMinor).toBe(sum(ofUnit.map((l) => l.amountMinor)));
          expect(total.lineCount).toBe(ofUnit.length);
        }
        expect(statement.totals.reduce((n, t) => n + t.lineCount, 0)).toBe(lines.length);
        expect(new Set(statement.totals.map((t) => t.unit)).size).toBe(statement.totals.length);
      }),
    );
  });

  it('property: the statement does not depend on the order the lines arrive in', () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        expect(buildStatement([...lines].reverse())).toEqual(buildStatement(lines));
      }),
    );
  });
});

describe('statementTransition', () => {
  it.each<[StatementStatus, StatementAction, StatementStatus | string]>([
    ['DRAFT', 'approve', 'APPROVED'],
    ['APPROVED', 'pay', 'PAID'],
    ['DRAFT', 'pay', 'Cannot pay a statement that is draft.'],
    ['APPROVED', 'approve', 'Cannot approve a statement that is approved.'],
    ['PAID', 'pay', 'Cannot pay a statement that is paid.'],
    ['PAID', 'approve', 'Cannot approve a statement that is paid.'],
  ])('%s + %s → %s', (from, action, expected) => {
    if ((STATEMENT_STATUSES as readonly string[]).includes(expected)) {
      expect(statementTransition(from, action)).toBe(expected);
    } else {
      expectError(() => statementTransition(from, action), 'CONFLICT', new RegExp(`^${expected}$`));
    }
  });

  it('refuses an unknown action or status with CONFLICT', () => {
    expectError(() => statementTransition('DRAFT', 'reopen' as StatementAction), 'CONFLICT');
    expectError(() => statementTransition('VOID' as StatementStatus, 'pay'), 'CONFLICT');
  });

  it('names the statuses and actions in order', () => {
    expect(STATEMENT_STATUSES).toEqual(['DRAFT', 'APPROVED', 'PAID']);
    expect(STATEMENT_ACTIONS).toEqual(['approve', 'pay']);
  });
});
