import type { RevenueSummaryQuery } from '../../gql/graphql';

export type RevenueSummary = RevenueSummaryQuery['revenueSummary'];

/**
 * The currency of the revenue reports. The summary and the leaderboard say it; the rollups and the
 * cohorts do not, and are in the same one.
 */
export const BASE_CURRENCY = 'EUR';

/** Shown for a ratio the API leaves undefined (nothing to compute it from): never 0 % or infinity. */
export const NO_FIGURE = '—';

/** Percentages that are null when their denominator is zero; each has its own explanation. */
export type RatioFigure = 'nrr' | 'grr' | 'logoChurnRate' | 'mrrGrowth' | 'grossMrrChurn' | 'netMrrChurn' | 'retention';

/** The waterfall in the order it is read: opening, gains, losses, exchange rates, closing. */
export const WATERFALL_STEPS = ['opening', 'new', 'expansion', 'reactivation', 'transferIn', 'contraction', 'churn', 'transferOut', 'fx', 'closing'] as const;
export type WaterfallStep = (typeof WATERFALL_STEPS)[number];
export const isWaterfallStep = (value: string): value is WaterfallStep => (WATERFALL_STEPS as readonly string[]).includes(value);

/** The movement kinds revenueMovements filters by; FX and the opening and closing totals have no movements of their own. */
export const STEP_KINDS = {
  new: 'NEW',
  expansion: 'EXPANSION',
  reactivation: 'REACTIVATION',
  transferIn: 'TRANSFER_IN',
  contraction: 'CONTRACTION',
  churn: 'CHURN',
  transferOut: 'TRANSFER_OUT',
} as const satisfies Partial<Record<WaterfallStep, string>>;
export type MovementStep = keyof typeof STEP_KINDS;
export type MovementKind = (typeof STEP_KINDS)[MovementStep];
export const isMovementStep = (step: WaterfallStep): step is MovementStep => step in STEP_KINDS;

const STEP_OF_KIND = new Map<string, MovementStep>(Object.entries(STEP_KINDS).map(([step, kind]) => [kind, step as MovementStep]));
/** The waterfall step of a movement kind as the API writes it ("TRANSFER_IN" → "transferIn"). */
export const stepOfKind = (kind: string): MovementStep | undefined => STEP_OF_KIND.get(kind);

/** A month as the portal keeps it in the URL: YYYY-MM. */
export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
/** The API's month (first day, YYYY-MM-DD) as YYYY-MM. */
export const monthOfDay = (day: string): string => day.slice(0, 7);
/** What the API takes for a month: its first day. */
export const monthArg = (month: string | null): string | undefined => (month ? `${month}-01` : undefined);

/** The `count` months up to the current one (UTC), newest first, as YYYY-MM. */
export function recentMonths(count: number, now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(date.toISOString().slice(0, 7));
  }
  return months;
}

export interface WaterfallBar {
  step: WaterfallStep;
  /** The step's amount: the total for opening and closing, else the change. */
  amount: number;
  /** Where the bar starts and ends on the axis. */
  range: [number, number];
  tone: 'total' | 'gain' | 'loss' | 'none';
}

/** Floating bars: each movement starts where the previous one ended. */
export function waterfallBars(waterfall: RevenueSummary['waterfall']): WaterfallBar[] {
  let level = 0;
  return WATERFALL_STEPS.map((step) => {
    const amount = Number(waterfall[step]);
    if (step === 'opening' || step === 'closing') {
      level = amount;
      return { step, amount, range: [0, amount], tone: 'total' };
    }
    const from = level;
    level += amount;
    return { step, amount, range: [Math.min(from, level), Math.max(from, level)], tone: amount > 0 ? 'gain' : amount < 0 ? 'loss' : 'none' };
  });
}
