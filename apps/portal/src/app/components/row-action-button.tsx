import type { ErrorLike } from '@apollo/client';
import { Button } from '@mantine/core';
import { asErrorLike } from '../errors/graphql-errors';

interface RowActionButtonProps {
  label: string;
  /** Names the row it acts on, for screen readers (several identical buttons sit in one table). */
  ariaLabel: string;
  color?: string;
  loading: boolean;
  run: () => Promise<unknown>;
  /** Receives null on success or the error, which the table shows above itself. */
  onResult: (error: ErrorLike | null) => void;
  testId?: string;
}

/** A small button that runs a mutation for one table row (revoke, deactivate, …). */
export function RowActionButton({ label, ariaLabel, color = 'red', loading, run, onResult, testId }: RowActionButtonProps) {
  return (
    <Button
      size="xs"
      variant="light"
      color={color}
      loading={loading}
      aria-label={ariaLabel}
      data-testid={testId}
      onClick={() =>
        run().then(
          () => onResult(null),
          (error: unknown) => onResult(asErrorLike(error)),
        )
      }
    >
      {label}
    </Button>
  );
}
