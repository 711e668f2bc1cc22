import { Table } from '@mantine/core';
import { useFormat } from '../../i18n/use-format';
import { RatioValue } from './ratio-value';
import type { RatioFigure } from './revenue-figures';

/** How a table column reads its figure: an amount, a count, or a percentage that may be undefined. */
export type FigureKind = 'money' | 'count' | RatioFigure;

/** A column of figures in a revenue table (partners, tiers, programs). */
export interface FigureColumn<K extends string> {
  key: K;
  kind: FigureKind;
}

interface FigureCellProps {
  value: string | number | null;
  kind: FigureKind;
  currency: string;
  testId: string;
}

/** One right-aligned figure of a revenue table, in the user's locale. */
export function FigureCell({ value, kind, currency, testId }: FigureCellProps) {
  const format = useFormat();
  const text = () => {
    if (kind === 'money') return value === null ? null : format.money(value, currency);
    if (kind === 'count') return value === null ? null : format.number(value);
    return <RatioValue value={value === null ? null : String(value)} figure={kind} />;
  };
  return (
    <Table.Td ta="right" data-testid={testId}>
      {text()}
    </Table.Td>
  );
}
