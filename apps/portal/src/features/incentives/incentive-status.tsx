import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncentivePlanStatus, IncentiveStatementStatus } from '../../gql/graphql';

const STATEMENT_COLOR: Record<IncentiveStatementStatus, string> = { DRAFT: 'gray', APPROVED: 'teal', PAID: 'green' };
const PLAN_COLOR: Record<IncentivePlanStatus, string> = { DRAFT: 'gray', PUBLISHED: 'teal', RETIRED: 'orange' };

export function StatementStatusBadge({ status }: { status: IncentiveStatementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATEMENT_COLOR[status]} data-testid="statement-status" data-status={status}>
      {t(`incentives.statementStatus.${status}`)}
    </Badge>
  );
}

export function PlanStatusBadge({ status }: { status: IncentivePlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PLAN_COLOR[status]} data-testid="plan-status" data-status={status}>
      {t(`incentives.planStatus.${status}`)}
    </Badge>
  );
}

/** The period key as people read it: "2026-03" → "March 2026"; quarters and years stay as they are. */
export function usePeriodLabel(): (period: string, month: (ym: string) => string) => string {
  return (period, month) => (/^\d{4}-\d{2}$/.test(period) ? month(period) : period);
}

/** The last period that is over for a period kind, as closeIncentivePeriod names it ("2026-11", "2026-Q3", "2025"). */
export function previousPeriod(kind: 'MONTH' | 'QUARTER' | 'YEAR', today: Date = new Date()): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth(); // 0-based
  if (kind === 'YEAR') return String(year - 1);
  if (kind === 'QUARTER') {
    const quarter = Math.floor(month / 3); // 0-based current quarter
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
