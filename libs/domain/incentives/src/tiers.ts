import { DomainError, FieldErrorCollector, type FieldErrors } from '@prm/domain/common';
import { type Percent } from '@prm/domain/money';
import { collectRewardErrors, isPercentInRange, type Reward } from './reward';

/** A volume band: from (inclusive) up to `toMinor` (exclusive); null = open-ended. */
export interface AmountTier {
  fromMinor: bigint;
  toMinor: bigint | null;
  ratePct: Percent;
}

/** A band of a rep's deal count (the 1st deal has count 1): fromCount inclusive, toCount exclusive. */
export interface CountTier {
  fromCount: number;
  toCount: number | null;
  reward: Reward;
}

export interface TierOptions {
  /** Gaps between bands pay nothing; plans refuse them unless the admin says so. */
  allowGaps?: boolean;
  /** Prefix of the field paths, `tiers` by default. */
  field?: string;
}

interface Band {
  from: bigint;
  to: bigint | null;
}

/** Every problem of a volume tier table at once, keyed like `tiers[1].fromMinor`; `{}` when it is valid. */
export function validateTiers(tiers: readonly AmountTier[], options: TierOptions = {}): FieldErrors {
  const field = options.field ?? 'tiers';
  const errors = new FieldErrorCollector();
  const bands = collectBandErrors(
    tiers,
    (tier) => ({ from: tier.fromMinor, to: tier.toMinor }),
    { from: 'fromMinor', to: 'toMinor', min: 0n, what: 'amount' },
    field,
    options.allowGaps === true,
    errors,
  );
  if (bands) {
    tiers.forEach((tier, index) => {
      if (!isPercentInRange(tier.ratePct)) errors.add(`${field}[${index}].ratePct`, 'The rate must be between 0 and 100 %.');
    });
  }
  return errors.toObject();
}

/** Same checks for SPIF count tiers (counts are whole numbers from 1) and their per-deal rewards. */
export function validateCountTiers(tiers: readonly CountTier[], options: TierOptions = {}): FieldErrors {
  const field = options.field ?? 'tiers';
  const errors = new FieldErrorCollector();
  // Bounds that are not whole numbers are reported alone: comparing them as bands would only add noise.
  if (Array.isArray(tiers)) {
    tiers.forEach((tier, index) => {
      if (!Number.isSafeInteger(tier.fromCount)) errors.add(`${field}[${index}].fromCount`, 'The lower bound must be a whole count from 1.');
      if (tier.toCount !== null && !Number.isSafeInteger(tier.toCount)) errors.add(`${field}[${index}].toCount`, 'The upper bound must be a whole count.');
    });
    if (!errors.isEmpty) return errors.toObject();
  }
  const bands = collectBandErrors(
    tiers,
    (tier) => ({ from: BigInt(tier.fromCount), to: tier.toCount === null ? null : BigInt(tier.toCount) }),
    { from: 'fromCount', to: 'toCount', min: 1n, what: 'count' },
    field,
    options.allowGaps === true,
    errors,
  );
  if (bands) tiers.forEach((tier, index) => collectRewardErrors(tier.reward, `${field}[${index}].reward`, errors));
  return errors.toObject();
}

/** Throws BAD_USER_INPUT with the field errors of validateTiers; calculators call it so bad tables never compute. */
export function assertValidTiers(tiers: readonly AmountTier[], options: TierOptions = {}): void {
  throwIfAny(validateTiers(tiers, options));
}

export function assertValidCountTiers(tiers: readonly CountTier[], options: TierOptions = {}): void {
  throwIfAny(validateCountTiers(tiers, options));
}

/** Index of the highest tier whose lower bound `value` has reached (gaps fall back to the tier below); -1 below the first. */
export function tierIndexReached(value: bigint, fromValues: readonly bigint[]): number {
  let reached = -1;
  fromValues.forEach((from, index) => {
    if (from <= value) reached = index;
  });
  return reached;
}

function throwIfAny(fields: FieldErrors): void {
  if (Object.keys(fields).length > 0) throw new DomainError('BAD_USER_INPUT', 'The tier table is not valid.', fields);
}

// Shared by amount and count tiers; returns false when the list itself is unusable.
function collectBandErrors<T>(
  tiers: readonly T[],
  bandOf: (tier: T) => Band,
  names: { from: string; to: string; min: bigint; what: string },
  field: string,
  allowGaps: boolean,
  errors: FieldErrorCollector,
): boolean {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    errors.add(field, 'At least one tier is needed.');
    return false;
  }
  const bands = tiers.map(bandOf);
  bands.forEach((band, index) => {
    const path = `${field}[${index}]`;
    if (band.from < names.min) {
      errors.add(`${path}.${names.from}`, names.min === 0n ? 'The lower bound must not be negative.' : `The lower bound must be a whole ${names.what} from ${names.min}.`);
    }
    if (band.to !== null && band.to <= band.from) errors.add(`${path}.${names.to}`, 'The upper bound must be above the lower bound.');
    const last = index === bands.length - 1;
    // An open-ended last band means every volume above the first threshold has a rate in both modes.
    if (last && band.to !== null) errors.add(`${path}.${names.to}`, 'The last tier must be open-ended (no upper bound).');
    if (!last && band.to === null) errors.add(`${path}.${names.to}`, 'Only the last tier may be open-ended.');

    const previous = bands[index - 1];
    if (previous === undefined) return;
    const before = `${field}[${index - 1}]`;
    if (band.from < previous.from) {
      errors.add(`${path}.${names.from}`, `Tiers must be in ascending order; this tier starts below ${before}.`);
    } else if (previous.to === null || band.from < previous.to) {
      errors.add(`${path}.${names.from}`, `Overlaps ${before}, which ${previous.to === null ? 'is open-ended' : `runs to ${previous.to}`}.`);
    } else if (band.from > previous.to && !allowGaps) {
      errors.add(`${path}.${names.from}`, `Leaves a gap after ${before}, which ends at ${previous.to}.`);
    }
  });
  return true;
}
