import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/use-format';
import { monthOfDay, type RevenueSummary } from './revenue-figures';

interface RevenueTrendChartProps {
  trend: RevenueSummary['trend'];
  currency: string;
  /** Called with a month (YYYY-MM) when the user clicks it. */
  onSelectMonth: (month: string) => void;
}

/** MRR at the end of each of the 12 months up to the chosen one; a click on an earlier month shows that month's figures. */
export function RevenueTrendChart({ trend, currency, onSelectMonth }: RevenueTrendChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const data = trend.map((point) => ({ month: monthOfDay(point.month), mrr: Number(point.mrr) }));
  const first = trend[0];
  const last = trend[trend.length - 1];
  return (
    <figure style={{ margin: 0 }} data-testid="revenue-trend">
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          onClick={(state) => {
            if (typeof state.activeLabel === 'string') onSelectMonth(state.activeLabel);
          }}
          style={{ cursor: 'pointer' }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(value) => format.monthShort(String(value))} tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={(value) => format.moneyCompact(Number(value), currency)} tick={{ fontSize: 11 }} width={64} />
          <Tooltip
            labelFormatter={(label) => format.month(String(label))}
            formatter={(value) => [format.money(Number(value), currency), t('revenue.stats.mrr')]}
          />
          <Area type="monotone" dataKey="mrr" stroke="var(--mantine-color-indigo-6)" fill="var(--mantine-color-indigo-1)" strokeWidth={2} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
      {first && last ? (
        <Text component="figcaption" size="xs" c="dimmed">
          {t('revenue.trend.caption', {
            from: format.money(first.mrr, currency),
            fromMonth: format.month(monthOfDay(first.month)),
            to: format.money(last.mrr, currency),
            toMonth: format.month(monthOfDay(last.month)),
          })}
        </Text>
      ) : null}
    </figure>
  );
}
