import fc from 'fast-check';
import { type ActivityEvent, activityAwards, type ActivityRule } from '../activity';
import { expectError, sum } from './helpers';

const WEBINAR: ActivityRule = { type: 'WEBINAR', unit: 'POINTS', amountMinor: 50n, approval: 'AUTO', capPerPeriodMinor: 120n, periodKind: 'QUARTER' };
const DEMO: ActivityRule = { type: 'DEMO', unit: 'EUR', amountMinor: 10_000n, approval: 'VERIFIED', capPerPeriodMinor: null, periodKind: 'MONTH' };
const COURSE: ActivityRule = { type: 'course-k8s', unit: 'KWD', amountMinor: 12_500n, approval: 'AUTO', capPerPeriodMinor: 25_000n, periodKind: 'YEAR' };
const event = (id: string, beneficiaryId: string, type: string, occurredOn: string, verified = false): ActivityEvent => ({ id, beneficiaryId, type, occurredOn, verified });

describe('activityAwards', () => {
  it('pays per activity and caps per beneficiary, type and period, in date order', () => {
    const lines = activityAwards(
      [
        event('w3', 'rep-a', 'WEBINAR', '2026-03-31'),
        event('w1', 'rep-a', 'WEBINAR', '2026-01-10'),
        event('w4', 'rep-a', 'WEBINAR', '2026-04-01'),
        event('w2', 'rep-a', 'WEBINAR', '2026-02-01'),
        event('w5', 'rep-b', 'WEBINAR', '2026-01-15'),
      ],
      [WEBINAR],
    );
    expect(lines.map((line) => [line.eventId, line.periodKey, line.amountMinor, line.capped])).toEqual([
      ['w1', '2026-Q1', 50n, false],
      ['w5', '2026-Q1', 50n, false],
      ['w2', '2026-Q1', 50n, false],
      ['w3', '2026-Q1', 20n, true], // 120 − 100: the partial line that hits the cap
      ['w4', '2026-Q2', 50n, false], // a new quarter starts afresh
    ]);
    expect(lines.every((line) => line.unit === 'POINTS' && line.uncappedMinor === 50n)).toBe(true);
  });

  it.each<[string, bigint | null, bigint[], boolean[]]>([
    ['a cap hit exactly by the second event', 100n, [50n, 50n, 0n], [false, false, true]],
    ['a cap below one reward', 30n, [30n, 0n, 0n], [true, true, true]],
    ['a zero cap', 0n, [0n, 0n, 0n], [true, true, true]],
    ['no cap', null, [50n, 50n, 50n], [false, false, false]],
    ['a cap of exactly three rewards', 150n, [50n, 50n, 50n], [false, false, false]],
  ])('%s', (_case, cap, expected, capped) => {
    const rule = { ...WEBINAR, capPerPeriodMinor: cap };
    const lines = activityAwards([event('a', 'r', 'WEBINAR', '2026-01-01'), event('b', 'r', 'WEBINAR', '2026-01-02'), event('c', 'r', 'WEBINAR', '2026-01-03')], [rule]);
    expect(lines.map((line) => line.amountMinor)).toEqual(expected);
    expect(lines.map((line) => line.capped)).toEqual(capped);
  });

  it('breaks same-day ties by event id, so the same event always hits the cap', () => {
    const rule = { ...WEBINAR, capPerPeriodMinor: 70n };
    const lines = activityAwards([event('e-2', 'r', 'WEBINAR', '2026-01-01'), event('e-1', 'r', 'WEBINAR', '2026-01-01')], [rule]);
    expect(lines.map((line) => [line.eventId, line.amountMinor])).toEqual([
      ['e-1', 50n],
      ['e-2', 20n],
    ]);
  });

  it('counts VERIFIED types only once a channel manager verified them; AUTO types always', () => {
    const lines = activityAwards(
      [event('d1', 'rep-a', 'DEMO', '2026-01-05', true), event('d2', 'rep-a', 'DEMO', '2026-01-06', false), event('w1', 'rep-a', 'WEBINAR', '2026-01-06', false)],
      [WEBINAR, DEMO],
    );
    expect(lines.map((line) => [line.eventId, line.unit, line.amountMinor, line.periodKey])).toEqual([
      ['d1', 'EUR', 10_000n, '2026-01'],
      ['w1', 'POINTS', 50n, '2026-Q1'],
    ]);
  });

  it('pays training completions with the course id as type (KWD, yearly cap)', () => {
    const lines = activityAwards(
      [event('c1', 'p1', 'course-k8s', '2026-02-01'), event('c2', 'p1', 'course-k8s', '2026-06-01'), event('c3', 'p1', 'course-k8s', '2026-09-01'), event('c4', 'p1', 'course-k8s', '2027-01-01')],
      [COURSE],
    );
    expect(lines.map((line) => [line.periodKey, line.amountMinor])).toEqual([
      ['2026', 12_500n],
      ['2026', 12_500n],
      ['2026', 0n],
      ['2027', 12_500n],
    ]);
  });

  it('returns nothing for no events', () => {
    expect(activityAwards([], [WEBINAR])).toEqual([]);
  });

  it.each<[string, ActivityEvent[], ActivityRule[], RegExp]>([
    ['an unknown activity type', [event('x', 'r', 'PODCAST', '2026-01-01'), event('y', 'r', 'BLOG', '2026-01-01')], [WEBINAR], /No rule for activity type BLOG, PODCAST/],
    ['two rules for one type', [], [WEBINAR, WEBINAR], /WEBINAR has two rules/],
    ['a unit that is neither points nor a currency', [], [{ ...WEBINAR, unit: 'stars' }], /POINTS or a currency/],
    ['a negative reward', [], [{ ...WEBINAR, amountMinor: -1n }], /must not be negative/],
    ['a negative cap', [], [{ ...WEBINAR, capPerPeriodMinor: -1n }], /must not be negative/],
    ['an event listed twice', [event('x', 'r', 'WEBINAR', '2026-01-01'), event('x', 'r', 'WEBINAR', '2026-01-02')], [WEBINAR], /Activity x is listed twice/],
    ['a date that is not a date', [event('x', 'r', 'WEBINAR', '2026-02-30')], [WEBINAR], /not an ISO date/],
  ])('refuses %s', (_case, events, rules, message) => {
    expectError(() => activityAwards(events, rules), 'BAD_USER_INPUT', message);
  });

  const eventsArb = fc.array(
    fc.record({ who: fc.constantFrom('a', 'b'), type: fc.constantFrom('WEBINAR', 'DEMO'), day: fc.integer({ min: 0, max: 400 }), verified: fc.boolean() }),
    { maxLength: 40 },
  );
  const toEvents = (raw: { who: string; type: string; day: number; verified: boolean }[]): ActivityEvent[] =>
    raw.map((r, i) => event(`e${String(i).padStart(2, '0')}`, r.who, r.type, new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10), r.verified));

  it('property: no beneficiary earns more than the cap per type and period, and input order does not matter', () => {
    fc.assert(
      fc.property(eventsArb, fc.bigInt({ min: 0n, max: 300n }), (raw, cap) => {
        const rules = [{ ...WEBINAR, capPerPeriodMinor: cap }, { ...DEMO, capPerPeriodMinor: cap * 100n }];
        const events = toEvents(raw);
        const lines = activityAwards(events, rules);
        const groups = new Map<string, bigint[]>();
        for (const line of lines) groups.set(`${line.beneficiaryId}/${line.type}/${line.periodKey}`, [...(groups.get(`${line.beneficiaryId}/${line.type}/${line.periodKey}`) ?? []), line.amountMinor]);
        for (const [key, values] of groups) expect(sum(values) <= (key.includes('WEBINAR') ? cap : cap * 100n)).toBe(true);
        expect(activityAwards([...events].reverse(), rules)).toEqual(lines);
      }),
    );
  });
});
