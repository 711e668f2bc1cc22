import { DomainError } from '@prm/domain/common';
import { isCurrencyCode } from '@prm/domain/money';
import { type IsoDate } from '@prm/domain/revenue';
import { type PeriodKind, periodOf } from './periods';
import { compareText } from './order';

/** Statement unit: an ISO currency code for cash, or points. */
export const POINTS = 'POINTS';

export const APPROVAL_MODES = ['AUTO', 'VERIFIED'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/**
 * What one logged activity (webinar attended, demo held…) or one course completion pays. Training
 * completions use the same rule with the course id as `type`.
 */
export interface ActivityRule {
  type: string;
  /** 'POINTS' or the currency of the cash reward. */
  unit: string;
  amountMinor: bigint;
  /** AUTO counts every logged event; VERIFIED only those a channel manager verified. */
  approval: ApprovalMode;
  /** Most one beneficiary earns from this type per period; null = no cap. */
  capPerPeriodMinor: bigint | null;
  periodKind: PeriodKind;
}

export interface ActivityEvent {
  id: string;
  beneficiaryId: string;
  type: string;
  occurredOn: IsoDate;
  verified: boolean;
}

export interface ActivityLine {
  eventId: string;
  beneficiaryId: string;
  type: string;
  /** Key of the cap period the event fell in ('2026-Q1'). */
  periodKey: string;
  occurredOn: IsoDate;
  unit: string;
  uncappedMinor: bigint;
  amountMinor: bigint;
  capped: boolean;
}

/**
 * One line per counted event. Events are taken in date order, then id, so the same events always
 * hit the cap at the same one: the line that crosses it is partial, later ones are 0 and marked capped.
 * Events of an unknown type are refused, with nothing computed.
 */
export function activityAwards(events: readonly ActivityEvent[], rules: readonly ActivityRule[]): ActivityLine[] {
  const ruleByType = new Map<string, ActivityRule>();
  for (const rule of rules) {
    if (ruleByType.has(rule.type)) throw new DomainError('BAD_USER_INPUT', `Activity type ${rule.type} has two rules.`);
    if (rule.unit !== POINTS && !isCurrencyCode(rule.unit)) throw new DomainError('BAD_USER_INPUT', `The reward unit of ${rule.type} must be POINTS or a currency.`);
    if (rule.amountMinor < 0n || (rule.capPerPeriodMinor !== null && rule.capPerPeriodMinor < 0n)) {
      throw new DomainError('BAD_USER_INPUT', `The reward and cap of ${rule.type} must not be negative.`);
    }
    ruleByType.set(rule.type, rule);
  }
  const unknown = [...new Set(events.filter((event) => !ruleByType.has(event.type)).map((event) => event.type))];
  if (unknown.length > 0) throw new DomainError('BAD_USER_INPUT', `No rule for activity type ${unknown.sort().join(', ')}.`);
  const ids = new Set<string>();
  for (const event of events) {
    if (ids.has(event.id)) throw new DomainError('BAD_USER_INPUT', `Activity ${event.id} is listed twice.`);
    ids.add(event.id);
  }

  const sorted = [...events].sort((a, b) => compareText(a.occurredOn, b.occurredOn) || compareText(a.id, b.id));
  const earned = new Map<string, bigint>();
  const lines: ActivityLine[] = [];
  for (const event of sorted) {
    const rule = ruleByType.get(event.type) as ActivityRule;
    const periodKey = periodOf(event.occurredOn, rule.periodKind).key;
    if (rule.approval === 'VERIFIED' && !event.verified) continue;
    const capKey = JSON.stringify([event.beneficiaryId, event.type, periodKey]);
    const before = earned.get(capKey) ?? 0n;
    const left = rule.capPerPeriodMinor === null ? rule.amountMinor : rule.capPerPeriodMinor - before;
    const amountMinor = rule.amountMinor < left ? rule.amountMinor : left;
    earned.set(capKey, before + amountMinor);
    lines.push({
      eventId: event.id,
      beneficiaryId: event.beneficiaryId,
      type: event.type,
      periodKey,
      occurredOn: event.occurredOn,
      unit: rule.unit,
      uncappedMinor: rule.amountMinor,
      amountMinor,
      capped: amountMinor < rule.amountMinor,
    });
  }
  return lines;
}
