import { DomainError } from '@prm/domain/common';
import { isCurrencyCode } from '@prm/domain/money';
import { POINTS } from './activity';
import { compareBigint, compareText } from './order';

/** What a statement needs of a line; any richer line type (AccrualLine, …) fits. */
export interface StatementLineInput {
  sourceType: string;
  sourceId: string;
  rule: string;
  unit: string;
  amountMinor: bigint;
  reason?: string | null;
}

export interface StatementTotal {
  unit: string;
  totalMinor: bigint;
  lineCount: number;
}

export interface Statement<T extends StatementLineInput> {
  lines: T[];
  /** One per unit present, in unit order; each is exactly the sum of that unit's lines. */
  totals: StatementTotal[];
}

/**
 * Sorts the lines into a stable order (unit, source type, source id, rule, reason, amount), so the same
 * lines always print the same statement whatever order they arrive in, and sums them per unit.
 * Cash and points are never added together.
 */
export function buildStatement<T extends StatementLineInput>(lines: readonly T[]): Statement<T> {
  for (const line of lines) {
    if (line.unit !== POINTS && !isCurrencyCode(line.unit)) throw new DomainError('BAD_USER_INPUT', `Line unit "${String(line.unit)}" is neither POINTS nor a currency.`);
  }
  const sorted = [...lines].sort(
    (a, b) =>
      compareText(a.unit, b.unit) ||
      compareText(a.sourceType, b.sourceType) ||
      compareText(a.sourceId, b.sourceId) ||
      compareText(a.rule, b.rule) ||
      compareText(a.reason ?? '', b.reason ?? '') ||
      compareBigint(a.amountMinor, b.amountMinor),
  );
  const totals = new Map<string, StatementTotal>();
  for (const line of sorted) {
    const total = totals.get(line.unit) ?? { unit: line.unit, totalMinor: 0n, lineCount: 0 };
    totals.set(line.unit, { unit: line.unit, totalMinor: total.totalMinor + line.amountMinor, lineCount: total.lineCount + 1 });
  }
  return { lines: sorted, totals: [...totals.values()] };
}

export const STATEMENT_STATUSES = ['DRAFT', 'APPROVED', 'PAID'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_ACTIONS = ['approve', 'pay'] as const;
export type StatementAction = (typeof STATEMENT_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<StatementStatus, Partial<Record<StatementAction, StatementStatus>>>> = {
  DRAFT: { approve: 'APPROVED' },
  APPROVED: { pay: 'PAID' },
  PAID: {},
};

/** DRAFT → approve → APPROVED → pay → PAID; anything else is CONFLICT "Cannot pay a statement that is draft." */
export function statementTransition(from: StatementStatus, action: StatementAction): StatementStatus {
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) throw new DomainError('CONFLICT', `Cannot ${String(action)} a statement that is ${String(from).toLowerCase()}.`);
  return to;
}
