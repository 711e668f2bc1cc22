import { Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { NO_FIGURE, type RatioFigure } from './revenue-figures';

/** A figure that cannot be computed: a dash that says why (on hover, focus or touch, and to screen readers). */
export function UndefinedFigure({ reason, testId }: { reason: string; testId?: string }) {
  return (
    <Tooltip label={reason} multiline w={260} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text span inherit c="dimmed" tabIndex={0} style={{ cursor: 'help' }} data-testid={testId} data-undefined="true">
        {NO_FIGURE}
        <VisuallyHidden>{reason}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

interface RatioValueProps {
  /** A percentage as the API sends it ("104.17"), or null when it is undefined. */
  value: string | null;
  figure: RatioFigure;
  testId?: string;
}

/** A percentage in the user's locale, or a dash with the reason it is undefined — never 0 % or infinity. */
export function RatioValue({ value, figure, testId }: RatioValueProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null) return <UndefinedFigure reason={t(`revenue.undefined.${figure}`)} testId={testId} />;
  return (
    <span data-testid={testId} data-value={value}>
      {format.percent(value)}
    </span>
  );
}
