import { Chip, Group } from '@mantine/core';

interface StatusChipsProps<S extends string> {
  /** The statuses offered, in the order shown. */
  offered: readonly S[];
  value: readonly S[];
  onChange: (statuses: S[]) => void;
  /** Visible name of a status. */
  label: (status: S) => string;
  /** Accessible name of the group. */
  groupLabel: string;
  /** Each chip gets `data-testid="<prefix>-<STATUS>"`. */
  testIdPrefix?: string;
}

/** Status filter of a list: chips to pick from (several at once); none chosen means every status. */
export function StatusChips<S extends string>({ offered, value, onChange, label, groupLabel, testIdPrefix = 'status-chip' }: StatusChipsProps<S>) {
  return (
    <Chip.Group multiple value={[...value]} onChange={(next) => onChange(offered.filter((status) => next.includes(status)))}>
      <Group gap="xs" role="group" aria-label={groupLabel}>
        {offered.map((status) => (
          <Chip key={status} value={status} size="sm" variant="outline" data-testid={`${testIdPrefix}-${status}`}>
            {label(status)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
