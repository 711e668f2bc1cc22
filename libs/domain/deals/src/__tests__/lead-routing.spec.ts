import fc from 'fast-check';
import { compareCandidates, type LeadCandidate, leadRespondBy, responseSeconds, routeLead } from '../lead-routing';

const partner = (id: string, over: Partial<LeadCandidate> = {}): LeadCandidate => ({
  organisationId: id,
  name: `Partner ${id}`,
  country: 'NL',
  programIds: ['msp'],
  tierRank: 0,
  openLeads: 0,
  ...over,
});
const lead = (over: Partial<Parameters<typeof routeLead>[0]> = {}) => ({ country: 'NL', programId: null, excludedOrganisationIds: [], ...over });

describe('routeLead', () => {
  it.each<[string, Parameters<typeof routeLead>[0], LeadCandidate[], string | null]>([
    ['nobody in the country', lead({ country: 'BE' }), [partner('a')], null],
    ['only the program’s partners', lead({ programId: 'reseller' }), [partner('a'), partner('b', { programIds: ['reseller'] })], 'b'],
    ['any program when the lead names none', lead(), [partner('a', { programIds: [] })], 'a'],
    ['higher tier first', lead(), [partner('a', { tierRank: 0 }), partner('b', { tierRank: 2 })], 'b'],
    // Gold (weight 3) with 2 open leads: 3/3 = 1; Silver (weight 2) with none: 2/1 = 2 → Silver.
    ['open leads spread the load', lead(), [partner('gold', { tierRank: 2, openLeads: 2 }), partner('silver', { tierRank: 1 })], 'silver'],
    // Equal ratios (3/3 and 1/1): fewer open leads wins.
    ['equal ratio → fewer open leads', lead(), [partner('g', { tierRank: 2, openLeads: 2 }), partner('r', { tierRank: 0, openLeads: 0 })], 'r'],
    ['equal everything → name', lead(), [partner('z', { name: 'Zeta' }), partner('y', { name: 'Alpha' })], 'y'],
    ['partners that had the lead are skipped', lead({ excludedOrganisationIds: ['b'] }), [partner('a'), partner('b', { tierRank: 3 })], 'a'],
    ['everyone excluded', lead({ excludedOrganisationIds: ['a'] }), [partner('a')], null],
  ])('%s', (_label, input, candidates, expected) => {
    expect(routeLead(input, candidates)?.organisationId ?? null).toBe(expected);
  });

  const candidateArb = fc.record({
    organisationId: fc.uuid(),
    name: fc.string({ maxLength: 8 }),
    country: fc.constantFrom('NL', 'BE'),
    programIds: fc.subarray(['msp', 'reseller', 'referral']),
    tierRank: fc.integer({ min: 0, max: 3 }),
    openLeads: fc.integer({ min: 0, max: 20 }),
  });
  const leadArb = fc.record({ country: fc.constantFrom('NL', 'BE'), programId: fc.constantFrom(null, 'msp', 'reseller'), excludedOrganisationIds: fc.constant([] as string[]) });

  it('picks an eligible candidate that no other eligible candidate beats, whatever the order', () => {
    fc.assert(
      fc.property(leadArb, fc.array(candidateArb, { maxLength: 12 }), (l, generated) => {
        const cs: LeadCandidate[] = generated;
        const chosen = routeLead(l, cs);
        const eligible = cs.filter((c) => c.country === l.country && (l.programId === null || c.programIds.includes(l.programId)));
        if (eligible.length === 0) return chosen === null;
        if (chosen === null || !eligible.includes(chosen)) return false;
        // Independent check of the ratio rule: weight ÷ (open + 1) of the chosen one is the maximum.
        const ratio = (c: LeadCandidate) => (c.tierRank + 1) / (c.openLeads + 1);
        const best = Math.max(...eligible.map(ratio));
        if (Math.abs(ratio(chosen) - best) > 1e-9) return false;
        return routeLead(l, [...cs].reverse())?.organisationId === chosen.organisationId;
      }),
    );
  });

  it('compareCandidates is antisymmetric', () => {
    fc.assert(fc.property(candidateArb, candidateArb, (a, b) => Math.sign(compareCandidates(a, b)) === -Math.sign(compareCandidates(b, a))));
  });
});

describe('lead response times', () => {
  it('the deadline is the assignment time plus the SLA hours', () => {
    expect(leadRespondBy(new Date('2026-03-06T16:00:00Z'), 48).toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it.each([
    ['2026-03-06T16:00:00Z', '2026-03-06T16:30:00Z', 1800],
    ['2026-03-06T16:00:00Z', '2026-03-06T16:00:00.400Z', 0],
    ['2026-03-06T16:00:00Z', '2026-03-06T15:00:00Z', 0],
  ])('%s → %s = %i s', (from, to, seconds) => {
    expect(responseSeconds(new Date(from), new Date(to))).toBe(seconds);
  });
});
