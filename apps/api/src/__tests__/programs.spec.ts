import { JobsService } from '@prm/server/core';
import { TierEvaluationService } from '@prm/server/programs';
import { auditEntries, createPartner, createUser, gqlOk, partnerIds, uniqueName } from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const DAY = 86_400_000;
const ZERO = { rebateRate: '0', mdfAccrualRate: '0', dealRegistrationDiscount: '5', referralCommissionRate: '5', mdfCofundingPct: '0' };
const SILVER = { rebateRate: '2', mdfAccrualRate: '1', dealRegistrationDiscount: '10', referralCommissionRate: '7.5', mdfCofundingPct: '50' };
const GOLD = { rebateRate: '4', mdfAccrualRate: '2', dealRegistrationDiscount: '15', referralCommissionRate: '10', mdfCofundingPct: '50' };

const TIER_FIELDS = `id name rank programId benefits { rebateRate mdfAccrualRate dealRegistrationDiscount referralCommissionRate mdfCofundingPct } rules { metric min }`;
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id name segment description active demotionGraceDays tiers { id } } }`;
const CREATE_TIER = `mutation($input: CreateTierInput!) { createTier(input: $input) { ${TIER_FIELDS} } }`;
const UPDATE_TIER = `mutation($id: ID!, $input: UpdateTierInput!) { updateTier(id: $id, input: $input) { ${TIER_FIELDS} } }`;
const ENROL = `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id organisationId programId tierId enrolledAt tierSince tier { name } program { name } } }`;
const METRIC = `mutation($input: RecordPartnerMetricInput!) { recordPartnerMetric(input: $input) { metric value } }`;
const EVALUATE = `mutation { evaluateTiers }`;
const CHANGE_FIELDS = `id kind status fromTierId toTierId organisationId programId enrolmentId reason proposedAt effectiveAfter decidedAt decidedByUserId metrics { metric value }`;
const TIER_CHANGES = `query($filter: TierChangeFilter) { tierChanges(first: 100, filter: $filter) { edges { node { ${CHANGE_FIELDS} } } } }`;
const APPROVE = `mutation($input: DecideTierChangeInput!) { approveTierChange(input: $input) { ${CHANGE_FIELDS} } }`;
const REJECT = `mutation($input: RejectTierChangeInput!) { rejectTierChange(input: $input) { ${CHANGE_FIELDS} } }`;
const OVERRIDE = `mutation($input: OverrideTierInput!) { overrideTier(input: $input) { ${CHANGE_FIELDS} } }`;
const ENROLMENTS = `query($id: ID!) { organisation(id: $id) { enrolments { id tierId tierSince tier { name } program { id } } } }`;
const TIER_STATUS = `query($org: ID) { tierStatus(organisationId: $org) {
  program { name } enrolment { id } currentTier { name benefits { rebateRate referralCommissionRate } } nextTier { name }
  nextTierRules { metric current target missing met } metrics { metric value } pendingChange { kind status }
} }`;

interface Tier {
  id: string;
  name: string;
  rank: number;
  programId: string;
  benefits: typeof SILVER;
  rules: { metric: string; min: string }[];
}
interface Change {
  id: string;
  kind: string;
  status: string;
  fromTierId: string | null;
  toTierId: string;
  organisationId: string;
  programId: string;
  enrolmentId: string;
  reason: string | null;
  proposedAt: string;
  effectiveAfter: string | null;
  decidedAt: string | null;
  decidedByUserId: string | null;
  metrics: { metric: string; value: string }[];
}
interface Ladder {
  programId: string;
  registered: Tier;
  silver: Tier;
  gold: Tier;
}

describe('programs, tiers and tier evaluation', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    admin = await t.login('admin@vendor.test');
    manager = await t.login('manager@vendor.test');
    managerId = (await gqlOk<{ me: { id: string } }>(t, `{ me { id } }`, {}, { token: manager })).me.id;
  });
  afterAll(() => t.close());

  const createTier = (input: Record<string, unknown>) => t.gql<{ createTier: Tier }>(CREATE_TIER, { input }, { token: admin });

  /** A program of its own with Registered / Silver (5 deals, 2 certified) / Gold (15, 5), so demo data cannot interfere. */
  async function ladder(graceDays?: number): Promise<Ladder> {
    const program = await gqlOk<{ createProgram: { id: string } }>(t, CREATE_PROGRAM, { input: { name: uniqueName('Ladder'), segment: 'Test', demotionGraceDays: graceDays } }, { token: admin });
    const programId = program.createProgram.id;
    const tier = async (name: string, rank: number, benefits: typeof SILVER, rules: { metric: string; min: string }[]) =>
      gqlOk<{ createTier: Tier }>(t, CREATE_TIER, { input: { programId, name, rank, benefits, rules } }, { token: admin }).then((d) => d.createTier);
    const registered = await tier('Registered', 0, ZERO, []);
    const silver = await tier('Silver', 1, SILVER, [{ metric: 'WON_DEALS', min: '5' }, { metric: 'CERTIFIED_PEOPLE', min: '2' }]);
    const gold = await tier('Gold', 2, GOLD, [{ metric: 'WON_DEALS', min: '15' }, { metric: 'CERTIFIED_PEOPLE', min: '5' }]);
    return { programId, registered, silver, gold };
  }

  async function enrolled(l: Ladder, metrics: { deals: string; certified: string }, tierId?: string): Promise<{ partnerId: string; enrolmentId: string }> {
    const partner = await createPartner(t, admin);
    const enrolment = await gqlOk<{ enrolPartner: { id: string } }>(t, ENROL, { input: { organisationId: partner.id, programId: l.programId, tierId } }, { token: manager });
    await setMetrics(partner.id, metrics);
    return { partnerId: partner.id, enrolmentId: enrolment.enrolPartner.id };
  }

  async function setMetrics(organisationId: string, metrics: { deals: string; certified: string }): Promise<void> {
    await gqlOk(t, METRIC, { input: { organisationId, metric: 'WON_DEALS', value: metrics.deals } }, { token: admin });
    await gqlOk(t, METRIC, { input: { organisationId, metric: 'CERTIFIED_PEOPLE', value: metrics.certified } }, { token: admin });
  }

  async function changesOf(organisationId: string, token = manager, status?: string): Promise<Change[]> {
    const data = await gqlOk<{ tierChanges: { edges: { node: Change }[] } }>(t, TIER_CHANGES, { filter: { organisationId, status } }, { token });
    return data.tierChanges.edges.map((e) => e.node);
  }

  async function enrolment(organisationId: string): Promise<{ id: string; tierId: string; tierSince: string; tier: { name: string } }> {
    const data = await gqlOk<{ organisation: { enrolments: { id: string; tierId: string; tierSince: string; tier: { name: string } }[] } }>(t, ENROLMENTS, { id: organisationId }, { token: admin });
    return data.organisation.enrolments[0];
  }

  const evaluate = async (): Promise<number> => (await gqlOk<{ evaluateTiers: number }>(t, EVALUATE, {}, { token: manager })).evaluateTiers;

  describe('administration', () => {
    it('creates a program with defaults and tiers at the next rank only', async () => {
      const name = uniqueName('Distribution');
      const created = await gqlOk<{ createProgram: { id: string; name: string; active: boolean; demotionGraceDays: number; tiers: unknown[] } }>(
        t,
        CREATE_PROGRAM,
        { input: { name: `  ${name} `, segment: 'Distributor', description: 'For distributors.' } },
        { token: admin },
      );
      const program = created.createProgram;
      expect(program).toMatchObject({ name, active: true, demotionGraceDays: 90, tiers: [] });
      expect(codeOf(await t.gql(CREATE_PROGRAM, { input: { name, segment: 'Again' } }, { token: admin }))).toBe('CONFLICT');

      const skipped = await createTier({ programId: program.id, name: 'Silver', rank: 1, benefits: SILVER, rules: [] });
      expect(codeOf(skipped)).toBe('BAD_USER_INPUT');
      expect(skipped.errors?.[0].extensions?.fields?.['rank']?.[0]).toMatch(/rank 0/);
      const entry = await createTier({ programId: program.id, name: 'Registered', rank: 0, benefits: ZERO, rules: [] });
      expect(entry.errors).toBeUndefined();
      expect(codeOf(await createTier({ programId: program.id, name: 'Again', rank: 0, benefits: ZERO, rules: [] }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await createTier({ programId: program.id, name: 'Registered', rank: 1, benefits: ZERO, rules: [] }))).toBe('CONFLICT');
      const second = await createTier({
        programId: program.id,
        name: 'Platinum',
        rank: 1,
        benefits: { rebateRate: '6.00', mdfAccrualRate: '3', dealRegistrationDiscount: '20', referralCommissionRate: '12.50', mdfCofundingPct: '100' },
        rules: [{ metric: 'T12M_ARR_SOLD', min: '1500000.00' }, { metric: 'NRR_PCT', min: '95.5' }],
      });
      expect(second.errors).toBeUndefined();
      expect(second.data?.createTier).toMatchObject({
        rank: 1,
        benefits: { rebateRate: '6', mdfAccrualRate: '3', dealRegistrationDiscount: '20', referralCommissionRate: '12.5', mdfCofundingPct: '100' },
        rules: [{ metric: 'T12M_ARR_SOLD', min: '1500000' }, { metric: 'NRR_PCT', min: '95.5' }],
      });
      const read = await gqlOk<{ program: { tiers: { name: string; rank: number }[] } }>(t, `query($id: ID!) { program(id: $id) { tiers { name rank } } }`, { id: program.id }, { token: admin });
      expect(read.program.tiers).toEqual([{ name: 'Registered', rank: 0 }, { name: 'Platinum', rank: 1 }]);

      const updatedProgram = await gqlOk<{ updateProgram: { demotionGraceDays: number; active: boolean } }>(
        t,
        `mutation($id: ID!, $input: UpdateProgramInput!) { updateProgram(id: $id, input: $input) { demotionGraceDays active } }`,
        { id: program.id, input: { demotionGraceDays: 30 } },
        { token: admin },
      );
      expect(updatedProgram.updateProgram).toEqual({ demotionGraceDays: 30, active: true });
    });

    it('updates tier benefits and rules, returning canonical decimals', async () => {
      const l = await ladder();
      const res = await t.gql<{ updateTier: Tier }>(UPDATE_TIER, {
        id: l.silver.id,
        input: { benefits: { ...SILVER, referralCommissionRate: '12.5000', rebateRate: '2.25' }, rules: [{ metric: 'WON_DEALS', min: '7.0' }] },
      }, { token: admin });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateTier).toMatchObject({
        name: 'Silver',
        benefits: { ...SILVER, referralCommissionRate: '12.5', rebateRate: '2.25' },
        rules: [{ metric: 'WON_DEALS', min: '7' }],
      });
      const renamed = await gqlOk<{ updateTier: Tier }>(t, UPDATE_TIER, { id: l.silver.id, input: { name: 'Silver+' } }, { token: admin });
      expect(renamed.updateTier).toMatchObject({ name: 'Silver+', benefits: { referralCommissionRate: '12.5' }, rules: [{ metric: 'WON_DEALS', min: '7' }] });
      expect(codeOf(await t.gql(UPDATE_TIER, { id: l.silver.id, input: { rules: [{ metric: 'WON_DEALS', min: '1' }, { metric: 'WON_DEALS', min: '2' }] } }, { token: admin }))).toBe('BAD_USER_INPUT');
      // Only vendor admins administer programs.
      expect(codeOf(await t.gql(UPDATE_TIER, { id: l.silver.id, input: { name: 'Nope' } }, { token: manager }))).toBe('FORBIDDEN');
    });

    it('enrols a partner at the entry tier by default, once per program', async () => {
      const l = await ladder();
      const partner = await createPartner(t, admin);
      const res = await t.gql<{ enrolPartner: { tierId: string; enrolledAt: string; tierSince: string; tier: { name: string }; program: { name: string } } }>(
        ENROL,
        { input: { organisationId: partner.id, programId: l.programId } },
        { token: manager },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.enrolPartner).toMatchObject({ tierId: l.registered.id, tier: { name: 'Registered' }, enrolledAt: t.clock.now().toISOString(), tierSince: t.clock.now().toISOString() });
      expect(codeOf(await t.gql(ENROL, { input: { organisationId: partner.id, programId: l.programId } }, { token: manager }))).toBe('CONFLICT');
      expect(codeOf(await t.gql(ENROL, { input: { organisationId: partner.id, programId: l.programId, tierId: l.gold.id } }, { token: manager }))).toBe('CONFLICT');

      const history = await changesOf(partner.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ kind: 'ENROLMENT', status: 'APPLIED', fromTierId: null, toTierId: l.registered.id, decidedByUserId: managerId });

      // An explicit tier must belong to the program.
      const other = await ladder();
      const second = await createPartner(t, admin);
      const wrongTier = await t.gql(ENROL, { input: { organisationId: second.id, programId: l.programId, tierId: other.silver.id } }, { token: manager });
      expect(codeOf(wrongTier)).toBe('BAD_USER_INPUT');
      expect(wrongTier.errors?.[0].extensions?.fields).toHaveProperty('tierId');
      const atSilver = await gqlOk<{ enrolPartner: { tier: { name: string } } }>(t, ENROL, { input: { organisationId: second.id, programId: l.programId, tierId: l.silver.id } }, { token: manager });
      expect(atSilver.enrolPartner.tier.name).toBe('Silver');
    });
  });

  describe('evaluation', () => {
    it('proposes a promotion once, and approving it moves the partner up', async () => {
      const l = await ladder();
      const { partnerId, enrolmentId } = await enrolled(l, { deals: '3', certified: '1' });
      await evaluate();
      expect(await changesOf(partnerId, manager, 'PROPOSED')).toEqual([]);

      await setMetrics(partnerId, { deals: '6', certified: '2' });
      t.clock.advance(DAY);
      expect(await evaluate()).toBeGreaterThanOrEqual(1);
      expect(await evaluate()).toBe(0);
      const proposals = await changesOf(partnerId, manager, 'PROPOSED');
      expect(proposals).toHaveLength(1);
      const proposal = proposals[0];
      expect(proposal).toMatchObject({ kind: 'PROMOTION', fromTierId: l.registered.id, toTierId: l.silver.id, enrolmentId, effectiveAfter: null, decidedAt: null });
      expect(proposal.metrics).toEqual(expect.arrayContaining([{ metric: 'WON_DEALS', value: '6' }, { metric: 'CERTIFIED_PEOPLE', value: '2' }]));
      expect((await enrolment(partnerId)).tierId).toBe(l.registered.id);

      t.clock.advance(DAY);
      const approved = await gqlOk<{ approveTierChange: Change }>(t, APPROVE, { input: { id: proposal.id } }, { token: manager });
      expect(approved.approveTierChange).toMatchObject({ status: 'APPLIED', decidedAt: t.clock.now().toISOString(), decidedByUserId: managerId });
      const after = await enrolment(partnerId);
      expect(after).toMatchObject({ tierId: l.silver.id, tier: { name: 'Silver' }, tierSince: t.clock.now().toISOString() });
      const history = await changesOf(partnerId);
      expect(history.map((c) => [c.kind, c.status])).toEqual([['PROMOTION', 'APPLIED'], ['ENROLMENT', 'APPLIED']]);
      expect(codeOf(await t.gql(APPROVE, { input: { id: proposal.id } }, { token: manager }))).toBe('CONFLICT');
      expect(await evaluate()).toBe(0);
    });

    it('promotes straight to the highest qualified tier, replacing a lower open proposal', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '5', certified: '2' });
      await evaluate();
      const [toSilver] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(toSilver.toTierId).toBe(l.silver.id);
      await setMetrics(partnerId, { deals: '30', certified: '9' });
      await evaluate();
      const open = await changesOf(partnerId, manager, 'PROPOSED');
      expect(open.map((c) => [c.kind, c.toTierId])).toEqual([['PROMOTION', l.gold.id]]);
      expect((await changesOf(partnerId, manager, 'CANCELLED')).map((c) => c.id)).toEqual([toSilver.id]);
    });

    it('withdraws an open promotion when the partner no longer qualifies for it', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '5', certified: '2' });
      await evaluate();
      const [proposal] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(proposal.kind).toBe('PROMOTION');
      await setMetrics(partnerId, { deals: '4', certified: '2' });
      await evaluate();
      expect(await changesOf(partnerId, manager, 'PROPOSED')).toEqual([]);
      expect((await changesOf(partnerId, manager, 'CANCELLED')).map((c) => c.id)).toEqual([proposal.id]);
      expect(codeOf(await t.gql(APPROVE, { input: { id: proposal.id } }, { token: manager }))).toBe('CONFLICT');
    });

    it('proposes a demotion that can only be approved after the grace period', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '2', certified: '2' }, l.silver.id);
      await evaluate();
      const [demotion] = await changesOf(partnerId, manager, 'PROPOSED');
      const graceEnds = new Date(t.clock.now().getTime() + 90 * DAY);
      expect(demotion).toMatchObject({ kind: 'DEMOTION', fromTierId: l.silver.id, toTierId: l.registered.id, effectiveAfter: graceEnds.toISOString() });
      expect(await evaluate()).toBe(0);
      const status = await gqlOk<{ tierStatus: { currentTier: { name: string }; pendingChange: { kind: string; status: string } | null }[] }>(t, TIER_STATUS, { org: partnerId }, { token: manager });
      expect(status.tierStatus[0]).toMatchObject({ currentTier: { name: 'Silver' }, pendingChange: { kind: 'DEMOTION', status: 'PROPOSED' } });

      t.clock.advance(89 * DAY);
      const early = await t.gql(APPROVE, { input: { id: demotion.id } }, { token: manager });
      expect(codeOf(early)).toBe('CONFLICT');
      expect(early.errors?.[0].message).toContain(graceEnds.toISOString().slice(0, 10));
      // Still below the bar: the evaluation keeps the pending demotion (it does not restart the grace period).
      expect(await evaluate()).toBe(0);
      expect((await changesOf(partnerId, manager, 'PROPOSED')).map((c) => c.id)).toEqual([demotion.id]);
      expect((await enrolment(partnerId)).tierId).toBe(l.silver.id);

      t.clock.advance(DAY);
      const approved = await gqlOk<{ approveTierChange: Change }>(t, APPROVE, { input: { id: demotion.id, reason: 'Below Silver for a quarter' } }, { token: manager });
      expect(approved.approveTierChange).toMatchObject({ status: 'APPLIED', reason: 'Below Silver for a quarter' });
      expect(await enrolment(partnerId)).toMatchObject({ tierId: l.registered.id, tierSince: t.clock.now().toISOString() });
    });

    it('uses the program’s own grace period', async () => {
      const l = await ladder(14);
      const { partnerId } = await enrolled(l, { deals: '0', certified: '0' }, l.gold.id);
      await evaluate();
      const [demotion] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(demotion).toMatchObject({ kind: 'DEMOTION', toTierId: l.registered.id, effectiveAfter: new Date(t.clock.now().getTime() + 14 * DAY).toISOString() });
    });

    it('cancels a pending demotion when the partner re-qualifies during the grace period', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '1', certified: '0' }, l.silver.id);
      await evaluate();
      const [demotion] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(demotion.kind).toBe('DEMOTION');
      t.clock.advance(30 * DAY);
      await setMetrics(partnerId, { deals: '5', certified: '2' });
      expect(await evaluate()).toBe(0);
      expect(await changesOf(partnerId, manager, 'PROPOSED')).toEqual([]);
      const [cancelled] = await changesOf(partnerId, manager, 'CANCELLED');
      expect(cancelled).toMatchObject({ id: demotion.id, decidedAt: t.clock.now().toISOString() });
      expect((await enrolment(partnerId)).tierId).toBe(l.silver.id);
      const [audit] = await auditEntries(t, admin, { entityType: 'TierChange', entityId: demotion.id, operation: 'cancelTierChange' });
      expect(audit.changes).toEqual([{ field: 'status', before: '"PROPOSED"', after: '"CANCELLED"' }]);
    });

    it('rejects a proposal only with a reason', async () => {
      const l = await ladder();
      const { partnerId, enrolmentId } = await enrolled(l, { deals: '5', certified: '2' });
      await evaluate();
      const [proposal] = await changesOf(partnerId, manager, 'PROPOSED');
      for (const reason of ['', '   ']) {
        const res = await t.gql(REJECT, { input: { id: proposal.id, reason } }, { token: manager });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.fields).toHaveProperty('reason');
      }
      const missing = await t.gql(`mutation($id: ID!) { rejectTierChange(input: { id: $id }) { id } }`, { id: proposal.id }, { token: manager });
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(codeOf(missing));
      expect(missing.errors?.[0].message).toMatch(/reason/);
      const rejected = await gqlOk<{ rejectTierChange: Change }>(t, REJECT, { input: { id: proposal.id, reason: ' Deals are not closed yet ' } }, { token: manager });
      expect(rejected.rejectTierChange).toMatchObject({ status: 'REJECTED', reason: 'Deals are not closed yet', decidedByUserId: managerId });
      expect(codeOf(await t.gql(REJECT, { input: { id: proposal.id, reason: 'again' } }, { token: manager }))).toBe('CONFLICT');
      expect(codeOf(await t.gql(APPROVE, { input: { id: proposal.id } }, { token: manager }))).toBe('CONFLICT');
      expect((await enrolment(partnerId)).id).toBe(enrolmentId);
      expect((await enrolment(partnerId)).tierId).toBe(l.registered.id);
    });

    it('does not propose a rejected change again until the 30-day cool-off has passed', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '5', certified: '2' });
      await evaluate();
      const [proposal] = await changesOf(partnerId, manager, 'PROPOSED');
      await gqlOk(t, REJECT, { input: { id: proposal.id, reason: 'Wait for the next quarter' } }, { token: manager });
      t.clock.advance(29 * DAY);
      await evaluate();
      expect(await changesOf(partnerId, manager, 'PROPOSED')).toEqual([]);
      t.clock.advance(2 * DAY);
      await evaluate();
      const [again] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(again).toMatchObject({ kind: 'PROMOTION', toTierId: l.silver.id });
      expect(again.id).not.toBe(proposal.id);
    });

    it('overrides a tier with a reason, cancelling open proposals', async () => {
      const l = await ladder();
      const { partnerId, enrolmentId } = await enrolled(l, { deals: '5', certified: '2' });
      t.clock.advance(DAY);
      await evaluate();
      const [open] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(codeOf(await t.gql(OVERRIDE, { input: { enrolmentId, tierId: l.gold.id, reason: ' ' } }, { token: manager }))).toBe('BAD_USER_INPUT');
      const other = await ladder();
      expect(codeOf(await t.gql(OVERRIDE, { input: { enrolmentId, tierId: other.gold.id, reason: 'Strategic' } }, { token: manager }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(OVERRIDE, { input: { enrolmentId, tierId: l.registered.id, reason: 'Same' } }, { token: manager }))).toBe('CONFLICT');

      t.clock.advance(DAY);
      const res = await gqlOk<{ overrideTier: Change }>(t, OVERRIDE, { input: { enrolmentId, tierId: l.gold.id, reason: 'Strategic partner' } }, { token: manager });
      expect(res.overrideTier).toMatchObject({ kind: 'OVERRIDE', status: 'APPLIED', fromTierId: l.registered.id, toTierId: l.gold.id, reason: 'Strategic partner', decidedByUserId: managerId });
      expect(await enrolment(partnerId)).toMatchObject({ tierId: l.gold.id, tierSince: t.clock.now().toISOString() });
      const [cancelled] = await changesOf(partnerId, manager, 'CANCELLED');
      expect(cancelled.id).toBe(open.id);
      expect(await changesOf(partnerId, manager, 'PROPOSED')).toEqual([]);
      expect((await changesOf(partnerId)).map((c) => c.kind)).toEqual(['OVERRIDE', 'PROMOTION', 'ENROLMENT']);
      const [overrideAudit] = await auditEntries(t, admin, { entityType: 'Enrolment', entityId: enrolmentId, operation: 'overrideTier' });
      expect(overrideAudit.actorUserId).toBe(managerId);
      const [cancelAudit] = await auditEntries(t, admin, { entityType: 'TierChange', entityId: open.id, operation: 'cancelTierChange' });
      expect(cancelAudit?.actorUserId).toBe(managerId);
    });

    it('runs the scheduled evaluation as the system (the tier-evaluation job’s handler)', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '16', certified: '5' });
      const proposals = await t.app.get(TierEvaluationService).evaluateAll();
      expect(proposals).toBeGreaterThanOrEqual(1);
      const [proposal] = await changesOf(partnerId, manager, 'PROPOSED');
      expect(proposal).toMatchObject({ kind: 'PROMOTION', toTierId: l.gold.id });
      const [audit] = await auditEntries(t, admin, { entityType: 'TierChange', entityId: proposal.id });
      expect(audit).toMatchObject({ operation: 'proposeTierChange', actorUserId: null, actorApiKeyId: null, requestId: 'system:tier-evaluation' });
      expect(await evaluate()).toBe(0);

      // The job is registered with the queue under its name.
      const jobs = t.app.get(JobsService);
      await jobs.start({ workers: false });
      const queues: { name: string }[] = await t.dataSource.query(`SELECT name FROM pgboss.queue`);
      expect(queues.map((q) => q.name)).toContain('tier-evaluation');
    });
  });

  describe('partner view', () => {
    it('shows a partner rep the current tier, benefits and what is missing for the next tier', async () => {
      const l = await ladder();
      const { partnerId } = await enrolled(l, { deals: '3', certified: '0' });
      await gqlOk(t, `mutation($id: ID!, $input: UpdateTierInput!) { updateTier(id: $id, input: $input) { id } }`, {
        id: l.silver.id,
        input: { rules: [{ metric: 'WON_DEALS', min: '5' }, { metric: 'CERTIFIED_PEOPLE', min: '2' }, { metric: 'NRR_PCT', min: '95.5' }] },
      }, { token: admin });
      await gqlOk(t, METRIC, { input: { organisationId: partnerId, metric: 'NRR_PCT', value: '97.25' } }, { token: admin });
      const rep = await createUser(t, admin, { role: 'PARTNER_REP', organisationId: partnerId });

      const status = await gqlOk<{
        tierStatus: {
          currentTier: { name: string; benefits: { rebateRate: string; referralCommissionRate: string } };
          nextTier: { name: string } | null;
          nextTierRules: { metric: string; current: string | null; target: string; missing: string; met: boolean }[];
          metrics: { metric: string; value: string }[];
          pendingChange: { kind: string } | null;
        }[];
      }>(t, TIER_STATUS, {}, { token: rep.token });
      expect(status.tierStatus).toHaveLength(1);
      const [s] = status.tierStatus;
      expect(s.currentTier).toEqual({ name: 'Registered', benefits: { rebateRate: '0', referralCommissionRate: '5' } });
      expect(s.nextTier?.name).toBe('Silver');
      expect(s.nextTierRules).toEqual([
        { metric: 'WON_DEALS', current: '3', target: '5', missing: '2', met: false },
        { metric: 'CERTIFIED_PEOPLE', current: '0', target: '2', missing: '2', met: false },
        { metric: 'NRR_PCT', current: '97.25', target: '95.5', missing: '0', met: true },
      ]);
      expect(s.metrics).toEqual(expect.arrayContaining([{ metric: 'WON_DEALS', value: '3' }, { metric: 'NRR_PCT', value: '97.25' }]));
      expect(s.pendingChange).toBeNull();

      // At the top of the ladder there is nothing further to reach.
      const top = await enrolled(l, { deals: '40', certified: '10' }, l.gold.id);
      const topStatus = await gqlOk<{ tierStatus: { nextTier: unknown; nextTierRules: unknown[] }[] }>(t, TIER_STATUS, { org: top.partnerId }, { token: manager });
      expect(topStatus.tierStatus[0]).toMatchObject({ nextTier: null, nextTierRules: [] });
    });

    it('shows the demo rep their own organisation’s status', async () => {
      const rep = await t.login('rep@northwind.test');
      const data = await gqlOk<{ tierStatus: { program: { name: string }; currentTier: { name: string }; nextTierRules: { metric: string; current: string | null; missing: string }[] }[] }>(t, TIER_STATUS, {}, { token: rep });
      expect(data.tierStatus).toHaveLength(1);
      expect(data.tierStatus[0]).toMatchObject({
        program: { name: 'Managed Service Provider' },
        currentTier: { name: 'Silver' },
        nextTierRules: [
          { metric: 'WON_DEALS', current: '9', missing: '6' },
          { metric: 'CERTIFIED_PEOPLE', current: '3', missing: '2' },
        ],
      });
    });

    it('lets partner users see only their own organisation’s tier changes', async () => {
      const ids = await partnerIds(t, admin);
      const northwindId = ids.get('Northwind IT') ?? '';
      const contosoId = ids.get('Contoso Managed Services') ?? '';
      const rep = await t.login('rep@northwind.test');
      const own = await changesOf(northwindId, rep);
      expect(own.length).toBeGreaterThanOrEqual(1);
      const unfiltered = await gqlOk<{ tierChanges: { edges: { node: Change }[] } }>(t, TIER_CHANGES, {}, { token: rep });
      expect(unfiltered.tierChanges.edges.length).toBeGreaterThanOrEqual(1);
      expect(new Set(unfiltered.tierChanges.edges.map((e) => e.node.organisationId))).toEqual(new Set([northwindId]));
      const byStatus = await gqlOk<{ tierChanges: { edges: { node: Change }[] } }>(t, TIER_CHANGES, { filter: { status: 'APPLIED' } }, { token: rep });
      expect(byStatus.tierChanges.edges.every((e) => e.node.organisationId === northwindId)).toBe(true);
      expect(codeOf(await t.gql(TIER_CHANGES, { filter: { organisationId: contosoId } }, { token: rep }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(TIER_STATUS, { org: contosoId }, { token: rep }))).toBe('NOT_FOUND');
      // The vendor sees everyone's.
      const all = await gqlOk<{ tierChanges: { edges: { node: Change }[] } }>(t, TIER_CHANGES, {}, { token: manager });
      expect(new Set(all.tierChanges.edges.map((e) => e.node.organisationId)).size).toBeGreaterThan(1);
    });
  });
});
