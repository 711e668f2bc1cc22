import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { formatFixed, minorUnitDigits } from '@prm/domain/money';
import { addMonths, customerMonths, customerMovements, type LedgerEvent, monthOf, type PartnerOfRecord, ratioPercent } from '@prm/domain/revenue';
import { AppConfig, Clock, LOGGER } from '@prm/server/core';
import { ProgramsService } from '@prm/server/programs';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { type EventRow, termsOf } from './ledger.types';

const BATCH = 500;
/**
 * Event rows per step of a full rebuild (about 2,000 customers), read from a cursor over the ledger;
 * a step's insert stays under the slow-query warning (1 s) on a small machine.
 */
const REBUILD_FETCH = 30_000;
/** Customers computed between two looks at the connection (so the next statement goes out while computing). */
const COMPUTE_SLICE = 100;
const EPOCH = '1900-01-01';
/**
 * First statement of every rollup transaction. The statements below are planned with generous row
 * estimates (an unnest of the partner list, CTEs), which put even a one-partner recompute above
 * jit_above_cost: compiling it took 70–100 ms for a statement that runs in 5 ms (docs/performance.md).
 */
const ROLLUP_SETTINGS = 'SET LOCAL jit = off';
/** A rebuild aggregates all customer months at once: hashes and sorts that fit in memory, for its one connection. */
const REBUILD_SETTINGS = `SET LOCAL work_mem = '64MB'`;
/**
 * The partner-months statement's rate table is estimated at 2,000 rows (a generate_series), so over all
 * partners the planner sorts the 1.9 million customer months of Scale S to merge-join a hundred rates;
 * hash joins take about 30 % less of that statement (docs/performance.md).
 */
const REBUILD_JOINS = 'SET LOCAL enable_mergejoin = off';

/** One customer's ledger as the rollups read it. */
interface CustomerLedger {
  events: LedgerEvent[];
  partners: PartnerOfRecord[];
}

/** The event columns the rollups use, with the customer (LEDGER_EVENTS_SQL). */
type LedgerEventRow = Pick<EventRow, 'id' | 'subscriptionId' | 'customerId' | 'effectiveDate' | 'sequence' | 'status' | 'quantity' | 'intervalMonths' | 'currency' | 'discountKind' | 'discountEndsOn'> & {
  unitPriceMinor: string;
  discountValue: string | null;
};

const LEDGER_EVENTS_SQL = `SELECT e.id, e.subscription_id AS "subscriptionId", s.customer_id AS "customerId", e.effective_date::text AS "effectiveDate",
       e.sequence::text AS sequence, e.status, e.quantity, e.unit_price_minor::text AS "unitPriceMinor", e.interval_months AS "intervalMonths", e.currency,
       e.discount_kind AS "discountKind", e.discount_value::text AS "discountValue", e.discount_ends_on::text AS "discountEndsOn"
  FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id`;

type PartnerRecordRow = PartnerOfRecord & { customerId: string };

const PARTNER_RECORDS_SQL = `SELECT id, customer_id AS "customerId", organisation_id AS "organisationId", effective_from::text AS "from" FROM revenue_customer_partners`;

const toLedgerEvent = (e: LedgerEventRow): LedgerEvent => ({
  id: e.id,
  subscriptionId: e.subscriptionId,
  effectiveDate: e.effectiveDate,
  sequence: Number(e.sequence),
  terms: termsOf({
    ...e,
    quantity: Number(e.quantity),
    unitPriceMinor: BigInt(e.unitPriceMinor),
    intervalMonths: Number(e.intervalMonths),
    discountValue: e.discountValue === null ? null : BigInt(e.discountValue),
  }),
});

const emptyRows = (): ComputedRows => ({
  movements: { customer: [], subscription: [], organisation: [], date: [], kind: [], currency: [], amount: [], cause: [], source: [] },
  months: { customer: [], month: [], organisation: [], currency: [], amounts: Array.from({ length: MONTH_AMOUNTS }, () => []) },
});

/** Inserts movements ($1–$9) and customer months ($10–$22), one statement (a data-modifying CTE runs whether read or not). */
const INSERT_ROWS_SQL = `WITH movements AS (
  INSERT INTO revenue_movements (customer_id, subscription_id, organisation_id, date, month, kind, currency, amount_minor, cause, source_id)
  SELECT c, s, o, d, date_trunc('month', d)::date, k, cur, a, ca, src
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::uuid[]) AS t (c, s, o, d, k, cur, a, ca, src)
)
INSERT INTO revenue_customer_months (customer_id, month, organisation_id, currency, opening_minor, new_minor, expansion_minor,
  contraction_minor, churn_minor, reactivation_minor, transfer_in_minor, transfer_out_minor, closing_minor)
SELECT * FROM unnest($10::uuid[], $11::date[], $12::uuid[], $13::text[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[],
  $18::bigint[], $19::bigint[], $20::bigint[], $21::bigint[], $22::bigint[])`;

const insertParameters = (rows: ComputedRows): string[] => {
  const mv = rows.movements;
  const cm = rows.months;
  return [mv.customer, mv.subscription, mv.organisation, mv.date, mv.kind, mv.currency, mv.amount, mv.cause, mv.source, cm.customer, cm.month, cm.organisation, cm.currency, ...cm.amounts].map(
    literal,
  );
};

/** Lets pending I/O callbacks run (a finished statement's result, the next statement going out). */
const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rows to insert, column by column (movements, then customer months), as the statements take them.
 * Every value needs no quoting in an array literal: uuids, ISO dates, integers, the movement kinds
 * and causes, currency codes.
 */
interface ComputedRows {
  /** `source` holds NULL (the literal's null) for movements no event caused. */
  movements: { customer: string[]; subscription: string[]; organisation: string[]; date: string[]; kind: string[]; currency: string[]; amount: string[]; cause: string[]; source: string[] };
  months: { customer: string[]; month: string[]; organisation: string[]; currency: string[]; amounts: string[][] };
}

/** The amounts of a customer month, in the order of the table's columns opening_minor … closing_minor. */
const MONTH_AMOUNTS = 9;

/**
 * A PostgreSQL array literal of values that need no quoting (see ComputedRows): node-postgres sends
 * it as one string, where a JavaScript array is escaped element by element (a tenth of a rebuild).
 */
const literal = (values: readonly string[]): string => `{${values.join(',')}}`;

interface PendingRow {
  customerId: string;
  fromMonth: string;
}

/** Partners whose monthly rows must be recomputed, each from a month on. */
type Affected = Map<string, string>;

const touch = (affected: Affected, organisationId: string, month: string): void => {
  const current = affected.get(organisationId);
  if (!current || month < current) affected.set(organisationId, month);
};

/**
 * Keeps the derived revenue tables in step with the ledger. A write marks a customer in
 * revenue_pending (from the first month it changes); `drain` recomputes exactly those customers from
 * that month — movements and customer months — and then the partner months of every partner the
 * customer had in that span, from the same month. `rebuild` runs the very same code over every
 * customer from the beginning, so incremental and full results cannot drift apart.
 */
@Injectable()
export class RevenueRollupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly programs: ProgramsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  currentMonth(): string {
    return monthOf(this.clock.now().toISOString().slice(0, 10));
  }

  /**
   * Applies everything pending: a new month, changed exchange rates, changed customers. Returns customers
   * recomputed. Each batch commits its customers, partner months and the partners' tier-qualification
   * metrics together (one commit: the metrics never lag the rollups they come from).
   */
  async drain(): Promise<number> {
    await this.rollForward();
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (em) => {
        await em.query(ROLLUP_SETTINGS);
        const batch: PendingRow[] = await em.query(
          `SELECT customer_id AS "customerId", from_month::text AS "fromMonth" FROM revenue_pending
            ORDER BY queued_at, customer_id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (batch.length === 0) return 0;
        const affected = await this.recomputeCustomers(em, batch, false);
        await this.recomputePartners(em, affected);
        await em.query(`DELETE FROM revenue_pending WHERE customer_id = ANY($1)`, [batch.map((b) => b.customerId)]);
        if (affected.size > 0) await this.publishMetrics([...affected.keys()], em);
        return batch.length;
      });
      total += done;
      if (done < BATCH) break;
    }
    return total;
  }

  /**
   * Recomputes every derived row from the ledger (`npm run metrics:rebuild`) with the same load,
   * compute and write steps as `drain`, step by step over one ordered read of the ledger, overlapped:
   * while this process computes one step, the database writes the step before and reads the next.
   */
  async rebuild(): Promise<{ customers: number; movements: number; customerMonths: number; partnerMonths: number }> {
    const counts = await this.dataSource.transaction(async (em) => {
      await em.query(ROLLUP_SETTINGS);
      await em.query(REBUILD_SETTINGS);
      await em.query(REBUILD_JOINS);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-rollup'))`);
      await em.query(`TRUNCATE revenue_movements, revenue_customer_months, revenue_partner_months`);
      await em.query(`DELETE FROM revenue_pending`);
      const affected: Affected = new Map();
      await this.withoutSecondaryIndexes(em, () => this.rebuildCustomers(em, affected));
      await this.recomputePartners(em, affected);
      await em.query(
        `INSERT INTO revenue_rollup_state (id, through_month, rates_from) VALUES (true, $1, NULL)
         ON CONFLICT (id) DO UPDATE SET through_month = EXCLUDED.through_month, rates_from = NULL`,
        [this.currentMonth()],
      );
      const [totals]: { customers: string; movements: string; months: string; partners: string }[] = await em.query(
        `SELECT (SELECT count(*) FROM revenue_customers)::text AS customers, (SELECT count(*) FROM revenue_movements)::text AS movements,
                (SELECT count(*) FROM revenue_customer_months)::text AS months, (SELECT count(*) FROM revenue_partner_months)::text AS partners`,
      );
      return {
        customers: Number(totals!.customers),
        movements: Number(totals!.movements),
        customerMonths: Number(totals!.months),
        partnerMonths: Number(totals!.partners),
        affected,
      };
    });
    await this.publishMetrics([...counts.affected.keys()]);
    const { affected: _affected, ...result } = counts;
    return result;
  }

  /**
   * Runs `load` with the secondary indexes of revenue_movements and revenue_customer_months dropped,
   * then creates them again from their own definitions: one index build over all rows costs far less
   * than an index entry per inserted row (pg_restore's order). Only inside rebuild's transaction after
   * its TRUNCATE, which keeps these tables locked exclusively until commit: no other session sees them
   * without their indexes, and a failure rolls the drop back.
   */
  private async withoutSecondaryIndexes(em: EntityManager, load: () => Promise<void>): Promise<void> {
    const indexes: { name: string; definition: string }[] = await em.query(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid IN ('revenue_movements'::regclass, 'revenue_customer_months'::regclass) AND NOT i.indisunique`,
    );
    for (const index of indexes) await em.query(`DROP INDEX ${index.name}`);
    await load();
    for (const index of indexes) await em.query(index.definition);
  }

  /**
   * Movements and customer months of every customer with events, into emptied tables. Two cursors
   * read the ledger in customer order: the events, REBUILD_FETCH rows a step (a customer whose rows
   * go on waits for the next step), and the partner records, kept ahead of them; a customer without
   * events has neither movements nor months. The statements run one after another on the
   * transaction's connection, in the order asked for here: each step asks for the next reads and then
   * for the previous step's inserts, and computes while the database works through them.
   */
  private async rebuildCustomers(em: EntityManager, affected: Affected): Promise<void> {
    const asked: Promise<unknown>[] = [];
    let last: Promise<unknown> = Promise.resolve();
    const ask = <T>(statement: () => Promise<T>): Promise<T> => {
      const run = last.then(statement);
      last = run.catch(() => undefined);
      run.catch(() => undefined); // awaited below, or in the final wait
      asked.push(run);
      return run;
    };
    const current = this.currentMonth();
    try {
      await em.query(`DECLARE revenue_rebuild_events NO SCROLL CURSOR FOR ${LEDGER_EVENTS_SQL} ORDER BY s.customer_id`);
      await em.query(`DECLARE revenue_rebuild_partners NO SCROLL CURSOR FOR ${PARTNER_RECORDS_SQL} ORDER BY customer_id, effective_from`);
      const fetchEvents = (): Promise<LedgerEventRow[]> => ask(() => em.query(`FETCH ${REBUILD_FETCH} FROM revenue_rebuild_events`));
      const fetchPartners = (): Promise<PartnerRecordRow[]> => ask(() => em.query(`FETCH ${REBUILD_FETCH} FROM revenue_rebuild_partners`));
      // Partner records read and not yet used, from `used` on; the next read, asked before it is needed.
      let partners: PartnerRecordRow[] = [];
      let used = 0;
      let partnersEnd = false;
      let partnersAhead: Promise<PartnerRecordRow[]> | null = fetchPartners();
      const takePartners = async (through: string): Promise<PartnerRecordRow[]> => {
        while (!partnersEnd && (used === partners.length || partners[partners.length - 1]!.customerId < through)) {
          const read = await (partnersAhead ?? fetchPartners());
          partnersAhead = null;
          partnersEnd = read.length < REBUILD_FETCH;
          partners = partners.slice(used).concat(read);
          used = 0;
        }
        const from = used;
        while (used < partners.length && partners[used]!.customerId <= through) used += 1;
        return partners.slice(from, used);
      };
      let reading: Promise<LedgerEventRow[]> | null = fetchEvents();
      let carried: LedgerEventRow[] = [];
      let computed: string[] | null = null; // the previous step's rows, as INSERT_ROWS_SQL's parameters
      while (reading) {
        const read: LedgerEventRow[] = await reading;
        const rows = carried.length > 0 ? carried.concat(read) : read;
        const end: boolean = read.length < REBUILD_FETCH;
        let cut = rows.length;
        if (!end) while (cut > 0 && rows[cut - 1]!.customerId === rows[rows.length - 1]!.customerId) cut -= 1;
        carried = rows.slice(cut);
        const step = rows.slice(0, cut);
        const records = step.length > 0 ? await takePartners(step[step.length - 1]!.customerId) : [];
        // Next reads first, then the previous step's inserts: the reads are ready when this step is computed.
        reading = end ? null : fetchEvents();
        if (!partnersEnd && !partnersAhead && partners.length - used < REBUILD_FETCH / 2) partnersAhead = fetchPartners();
        const previous = computed;
        if (previous) ask(() => em.query(INSERT_ROWS_SQL, previous));
        const ledgers = new Map<string, CustomerLedger>();
        for (const r of step) this.ledgerOf(ledgers, r.customerId).events.push(toLedgerEvent(r));
        for (const p of records) ledgers.get(p.customerId)?.partners.push(p);
        const ids = [...ledgers.keys()];
        const out = emptyRows();
        for (let i = 0; i < ids.length; i += COMPUTE_SLICE) {
          this.computeCustomers(ids.slice(i, i + COMPUTE_SLICE), ledgers, () => EPOCH, current, affected, out);
          await yieldToIo();
        }
        computed = insertParameters(out);
      }
      const final = computed;
      if (final) ask(() => em.query(INSERT_ROWS_SQL, final));
      ask(() => em.query(`CLOSE revenue_rebuild_events`));
      ask(() => em.query(`CLOSE revenue_rebuild_partners`));
      await Promise.all(asked);
    } catch (err) {
      // The first failure aborts the transaction and fails every later statement: report the first.
      const settled = await Promise.allSettled(asked);
      const first = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      throw first ? first.reason : err;
    }
  }

  /**
   * A new month carries every paying customer's closing MRR into it (no movement, same partner),
   * and an exchange-rate change revalues the partner months from its month on.
   */
  private async rollForward(): Promise<void> {
    const current = this.currentMonth();
    // Nearly always nothing to do: found without a lock (a lock would cost a commit per drain); a change
    // committed just after this read is picked up by the next drain.
    const [seen]: { through: string | null; rates: string | null }[] = await this.dataSource.query(
      `SELECT through_month::text AS through, rates_from::text AS rates FROM revenue_rollup_state`,
    );
    if (seen && (seen.through ?? current) >= current && !seen.rates) return;
    await this.dataSource.transaction(async (em) => {
      const [state]: { through: string | null; rates: string | null }[] = await em.query(
        `SELECT through_month::text AS through, rates_from::text AS rates FROM revenue_rollup_state FOR UPDATE`,
      );
      if (state && (state.through ?? current) >= current && !state.rates) return;
      await em.query(ROLLUP_SETTINGS);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-rollup'))`);
      const affected: Affected = new Map();
      if (state?.through && state.through < current) {
        await em.query(
          `INSERT INTO revenue_customer_months (customer_id, month, organisation_id, currency, opening_minor, new_minor, expansion_minor,
             contraction_minor, churn_minor, reactivation_minor, transfer_in_minor, transfer_out_minor, closing_minor)
           SELECT l.customer_id, m.month::date, l.organisation_id, l.currency, l.closing_minor, 0, 0, 0, 0, 0, 0, 0, l.closing_minor
             FROM (SELECT DISTINCT ON (customer_id, organisation_id, currency) customer_id, organisation_id, currency, month, closing_minor
                     FROM revenue_customer_months ORDER BY customer_id, organisation_id, currency, month DESC) l
             CROSS JOIN LATERAL generate_series(l.month + interval '1 month', $1::date, interval '1 month') AS m (month)
            WHERE l.closing_minor <> 0 AND l.month < $1::date`,
          [current],
        );
        for (const org of await this.allPartners(em)) touch(affected, org, addMonths(state.through, 1));
      }
      if (state?.rates) for (const org of await this.allPartners(em)) touch(affected, org, state.rates);
      await this.recomputePartners(em, affected);
      await em.query(
        `INSERT INTO revenue_rollup_state (id, through_month, rates_from) VALUES (true, $1, NULL)
         ON CONFLICT (id) DO UPDATE SET through_month = EXCLUDED.through_month, rates_from = NULL`,
        [current],
      );
      if (affected.size > 0) await this.publishMetrics([...affected.keys()], em);
    });
  }

  private async allPartners(em: EntityManager): Promise<string[]> {
    const rows: { organisation_id: string }[] = await em.query(`SELECT DISTINCT organisation_id FROM revenue_customer_months`);
    return rows.map((r) => r.organisation_id);
  }

  /** Movements and customer months of these customers from each one's month on; returns the partners touched. */
  private async recomputeCustomers(em: EntityManager, pending: readonly PendingRow[], fresh: boolean): Promise<Affected> {
    const ids = pending.map((p) => p.customerId);
    const fromOf = new Map(pending.map((p) => [p.customerId, p.fromMonth]));
    const loaded = await this.loadCustomers(em, ids);
    const affected: Affected = new Map();
    if (!fresh) {
      const removed: { organisation_id: string; month: string }[] = await em.query(
        `WITH gone AS (
           DELETE FROM revenue_customer_months cm USING unnest($1::uuid[], $2::date[]) AS p (customer_id, from_month)
            WHERE cm.customer_id = p.customer_id AND cm.month >= p.from_month RETURNING cm.organisation_id, cm.month)
         SELECT organisation_id, min(month)::text AS month FROM gone GROUP BY organisation_id`,
        [ids, ids.map((id) => fromOf.get(id))],
      );
      for (const r of removed) touch(affected, r.organisation_id, r.month);
      await em.query(
        `DELETE FROM revenue_movements m USING unnest($1::uuid[], $2::date[]) AS p (customer_id, from_month)
          WHERE m.customer_id = p.customer_id AND m.month >= p.from_month`,
        [ids, ids.map((id) => fromOf.get(id))],
      );
    }
    const rows = this.computeCustomers(ids, loaded, (id) => fromOf.get(id)!, this.currentMonth(), affected, emptyRows());
    await this.writeCustomers(em, rows);
    return affected;
  }

  /** The events and partner records of these customers: only the columns the rollups use. */
  private async loadCustomers(em: EntityManager, ids: readonly string[]): Promise<Map<string, CustomerLedger>> {
    const events: LedgerEventRow[] = await em.query(`${LEDGER_EVENTS_SQL} WHERE s.customer_id = ANY($1) ORDER BY s.customer_id, e.subscription_id, e.effective_date, e.sequence`, [
      ids,
    ]);
    const partners = await this.partnerRecords(em, ids);
    const ledgers = new Map<string, CustomerLedger>();
    for (const e of events) this.ledgerOf(ledgers, e.customerId).events.push(toLedgerEvent(e));
    for (const p of partners) this.ledgerOf(ledgers, p.customerId).partners.push(p);
    return ledgers;
  }

  private async partnerRecords(em: EntityManager, ids: readonly string[]): Promise<PartnerRecordRow[]> {
    return em.query(`${PARTNER_RECORDS_SQL} WHERE customer_id = ANY($1) ORDER BY customer_id, effective_from`, [ids]);
  }

  private ledgerOf(ledgers: Map<string, CustomerLedger>, customerId: string): CustomerLedger {
    let ledger = ledgers.get(customerId);
    if (!ledger) ledgers.set(customerId, (ledger = { events: [], partners: [] }));
    return ledger;
  }

  /**
   * Movements and customer months of these customers from `fromOf(customer)` on (the domain's
   * customerMovements and customerMonths), added to `rows`; touches `affected`.
   */
  private computeCustomers(
    ids: readonly string[],
    ledgers: Map<string, CustomerLedger>,
    fromOf: (customerId: string) => string,
    current: string,
    affected: Affected,
    rows: ComputedRows,
  ): ComputedRows {
    const mv = rows.movements;
    const cm = rows.months;
    for (const customerId of ids) {
      const ledger = ledgers.get(customerId);
      if (!ledger || ledger.partners.length === 0) continue;
      const movements = customerMovements(ledger.events, ledger.partners);
      const last = movements.length > 0 ? monthOf(movements[movements.length - 1]!.date) : current;
      const from = fromOf(customerId);
      for (const m of movements) {
        if (m.date < from) continue;
        mv.customer.push(customerId);
        mv.subscription.push(m.subscriptionId);
        mv.organisation.push(m.organisationId);
        mv.date.push(m.date);
        mv.kind.push(m.kind);
        mv.currency.push(m.currency);
        mv.amount.push(m.amountMinor.toString());
        mv.cause.push(m.cause);
        mv.source.push(m.sourceId ?? 'NULL');
      }
      for (const row of customerMonths(movements, last > current ? last : current)) {
        if (row.month < from) continue;
        cm.customer.push(customerId);
        cm.month.push(row.month);
        cm.organisation.push(row.organisationId);
        cm.currency.push(row.currency);
        const t = row.movements;
        // Column by column, without an array and a closure per row (two million rows in a rebuild).
        const [opening, added, expanded, contracted, churned, reactivated, movedIn, movedOut, closing] = cm.amounts as [string[], string[], string[], string[], string[], string[], string[], string[], string[]];
        opening.push(row.openingMinor.toString());
        added.push(t.NEW.toString());
        expanded.push(t.EXPANSION.toString());
        contracted.push(t.CONTRACTION.toString());
        churned.push(t.CHURN.toString());
        reactivated.push(t.REACTIVATION.toString());
        movedIn.push(t.TRANSFER_IN.toString());
        movedOut.push(t.TRANSFER_OUT.toString());
        closing.push(row.closingMinor.toString());
        touch(affected, row.organisationId, row.month);
      }
    }
    return rows;
  }

  /** Inserts the rows: one statement for both tables. */
  private async writeCustomers(em: EntityManager, rows: ComputedRows): Promise<void> {
    if (rows.movements.customer.length > 0 || rows.months.customer.length > 0) await em.query(INSERT_ROWS_SQL, insertParameters(rows));
  }


  /**
   * Partner months in the base currency, from each partner's month on (see docs/metrics.md):
   * each customer month converts at the rate of the month's first day, rounded half away from zero;
   * opening = last month's closing; FX = closing − opening − movements (what rates alone changed);
   * the trailing-12-month cohort (customers paying with the partner 12 months earlier) is valued at
   * this month's rates both then and now, so NRR and GRR hold currency constant.
   */
  private async recomputePartners(em: EntityManager, affected: Affected): Promise<void> {
    if (affected.size === 0) return;
    const orgs = [...affected.keys()].sort();
    // One writer per partner at a time, in a fixed order (no deadlocks between two drains).
    for (const org of orgs) await em.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-partner:' || $1))`, [org]);
    const params = [orgs, orgs.map((o) => affected.get(o)), this.currentMonth(), this.config.REVENUE_BASE_CURRENCY, minorUnitDigits(this.config.REVENUE_BASE_CURRENCY)];
    const missing: { currency: string; month: string }[] = await em.query(
      `SELECT DISTINCT cm.currency, cm.month::text AS month
         FROM revenue_customer_months cm JOIN unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month) ON t.organisation_id = cm.organisation_id
        WHERE cm.month >= t.from_month AND cm.month <= $3::date AND cm.currency <> $4
          AND NOT EXISTS (SELECT 1 FROM revenue_exchange_rates r WHERE r.currency = cm.currency AND r.valid_from <= cm.month)
        ORDER BY 2, 1 LIMIT 5`,
      params.slice(0, 4),
    );
    if (missing.length > 0) {
      const list = missing.map((m) => `${m.currency} on ${m.month}`).join(', ');
      throw new DomainError('CONFLICT', `No exchange rate for ${list}: add the rate so revenue can be reported in ${this.config.REVENUE_BASE_CURRENCY}.`);
    }
    await em.query(
      `DELETE FROM revenue_partner_months p USING unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month)
        WHERE p.organisation_id = t.organisation_id AND p.month >= t.from_month`,
      params.slice(0, 2),
    );
    await em.query(PARTNER_MONTHS_SQL, params);
  }

  /**
   * NRR_PCT and T12M_ARR_SOLD for tier qualification, as of the current month. Inside a drain's
   * transaction (`em`) a failure fails the batch, which stays pending; after a rebuild it is logged.
   */
  private async publishMetrics(organisationIds: readonly string[], em?: EntityManager): Promise<void> {
    const current = this.currentMonth();
    const digits = minorUnitDigits(this.config.REVENUE_BASE_CURRENCY);
    const rows: { organisation_id: string; start: string | null; now: string | null; sold: string }[] = await (em ?? this.dataSource).query(
      `SELECT o.organisation_id, c.cohort_start_minor::text AS start, c.cohort_current_minor::text AS now,
              COALESCE((SELECT sum(new_minor + expansion_minor + reactivation_minor) FROM revenue_partner_months p
                         WHERE p.organisation_id = o.organisation_id AND p.month > ($2::date - interval '12 months') AND p.month <= $2::date), 0)::text AS sold
         FROM unnest($1::uuid[]) AS o (organisation_id)
         LEFT JOIN revenue_partner_months c ON c.organisation_id = o.organisation_id AND c.month = $2::date`,
      [organisationIds, current],
    );
    const metrics: { organisationId: string; metric: string; value: string }[] = [];
    for (const row of rows) {
      metrics.push({ organisationId: row.organisation_id, metric: 'T12M_ARR_SOLD', value: formatFixed(BigInt(row.sold) * 12n, digits) });
      const nrr = row.start ? ratioPercent(BigInt(row.now ?? '0'), BigInt(row.start)) : null;
      if (nrr !== null) metrics.push({ organisationId: row.organisation_id, metric: 'NRR_PCT', value: nrr });
    }
    if (em) return this.programs.storeMetrics(metrics, 'revenue', em);
    try {
      await this.programs.storeMetrics(metrics, 'revenue');
    } catch (err) {
      this.logger.error({ err }, 'revenue metrics could not be stored');
    }
  }
}

const MOVEMENT_COLUMNS = ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'transfer_in', 'transfer_out'] as const;

/** An amount of a customer month (`s`) in base minor units at the rate `x`; amounts in the base currency as they are (no numeric arithmetic). */
const converted = (amount: string): string => `CASE WHEN s.currency = $4 THEN ${amount} ELSE round(${amount} * x.factor)::bigint END`;

/** $1 partner ids, $2 their first month to recompute, $3 the current month, $4 base currency, $5 its minor digits. */
const PARTNER_MONTHS_SQL = `
WITH targets AS (
  SELECT * FROM unnest($1::uuid[], $2::date[]) AS t (organisation_id, from_month)
),
source AS (
  SELECT cm.* FROM revenue_customer_months cm JOIN targets t ON t.organisation_id = cm.organisation_id
   WHERE cm.month >= (t.from_month - interval '13 months') AND cm.month <= $3::date
),
months AS (
  SELECT generate_series((SELECT min(from_month) FROM targets) - interval '13 months', $3::date, interval '1 month')::date AS month
),
rates AS (
  SELECT c.currency, m.month,
         CASE WHEN c.currency = $4 THEN 1::numeric ELSE (
           SELECT r.rate * power(10::numeric, $5::int - r.minor_digits) FROM revenue_exchange_rates r
            WHERE r.currency = c.currency AND r.valid_from <= m.month ORDER BY r.valid_from DESC LIMIT 1) END AS factor
    FROM (SELECT $4::text AS currency UNION SELECT DISTINCT currency::text FROM revenue_exchange_rates) c CROSS JOIN months m
),
moved_in_paying AS (
  -- Customers transferred in during a month while paying at its start with the partner they left: if they
  -- are gone by the month's end, the loss is this partner's (the other only saw a transfer out).
  SELECT DISTINCT s.organisation_id, s.month, s.customer_id FROM source s
    JOIN revenue_customer_months o ON o.customer_id = s.customer_id AND o.month = s.month AND o.organisation_id <> s.organisation_id
   WHERE s.transfer_in_minor <> 0 AND o.opening_minor > 0 AND o.transfer_out_minor <> 0
),
per_customer AS (
  -- Amounts in the base currency need no rate (converted() leaves them as they are): only other currencies join one.
  SELECT s.organisation_id, s.month, s.customer_id,
         sum(s.opening_minor) > 0 AS paying_start,
         sum(s.closing_minor) > 0 AS paying_end,
         bool_or(s.transfer_out_minor <> 0) AS moved_out,
         bool_or(mp.customer_id IS NOT NULL) AS moved_in_paying,
         bool_or(s.new_minor <> 0) AS is_new,
         ${MOVEMENT_COLUMNS.map((c) => `sum(${converted(`s.${c}_minor`)})::bigint AS ${c}_b`).join(',\n         ')},
         sum(${converted('s.closing_minor')})::bigint AS closing_b
    FROM source s LEFT JOIN rates x ON s.currency <> $4 AND x.currency = s.currency AND x.month = s.month
    LEFT JOIN moved_in_paying mp ON mp.organisation_id = s.organisation_id AND mp.month = s.month AND mp.customer_id = s.customer_id
   GROUP BY 1, 2, 3
),
cohort AS (
  -- Cohorts of months after the current one are never reported.
  SELECT s.organisation_id, (s.month + interval '12 months')::date AS month, s.customer_id,
         sum(${converted('s.closing_minor')})::bigint AS start_b
    FROM source s LEFT JOIN rates x ON s.currency <> $4 AND x.currency = s.currency AND x.month = (s.month + interval '12 months')::date
   WHERE s.closing_minor <> 0 AND s.month + interval '12 months' <= $3::date
   GROUP BY 1, 2, 3
),
retained AS (
  SELECT c.organisation_id, c.month, sum(c.start_b) AS start_b, sum(COALESCE(p.closing_b, 0)) AS current_b,
         sum(LEAST(COALESCE(p.closing_b, 0), c.start_b)) AS retained_b
    FROM cohort c LEFT JOIN per_customer p ON p.organisation_id = c.organisation_id AND p.month = c.month AND p.customer_id = c.customer_id
   GROUP BY 1, 2
),
agg AS (
  SELECT organisation_id, month,
         ${MOVEMENT_COLUMNS.map((c) => `sum(${c}_b) AS ${c}_b`).join(', ')},
         sum(closing_b) AS closing_b,
         count(*) FILTER (WHERE paying_start) AS customers_start,
         count(*) FILTER (WHERE paying_end) AS customers_end,
         count(*) FILTER (WHERE is_new) AS new_customers,
         count(*) FILTER (WHERE (paying_start OR moved_in_paying) AND NOT paying_end AND NOT moved_out) AS churned_customers
    FROM per_customer GROUP BY 1, 2
),
combined AS (
  SELECT COALESCE(a.organisation_id, r.organisation_id) AS organisation_id, COALESCE(a.month, r.month) AS month,
         ${MOVEMENT_COLUMNS.map((c) => `COALESCE(a.${c}_b, 0) AS ${c}_b`).join(', ')},
         COALESCE(a.closing_b, 0) AS closing_b,
         COALESCE(a.customers_start, 0) AS customers_start, COALESCE(a.customers_end, 0) AS customers_end,
         COALESCE(a.new_customers, 0) AS new_customers, COALESCE(a.churned_customers, 0) AS churned_customers,
         COALESCE(r.start_b, 0) AS start_b, COALESCE(r.current_b, 0) AS current_b, COALESCE(r.retained_b, 0) AS retained_b
    FROM agg a FULL JOIN retained r ON r.organisation_id = a.organisation_id AND r.month = a.month
),
opened AS (
  SELECT c.*, CASE WHEN lag(c.month) OVER w = (c.month - interval '1 month')::date THEN lag(c.closing_b) OVER w ELSE 0 END AS opening_b
    FROM combined c WINDOW w AS (PARTITION BY c.organisation_id ORDER BY c.month)
)
INSERT INTO revenue_partner_months (organisation_id, month, opening_minor, ${MOVEMENT_COLUMNS.map((c) => `${c}_minor`).join(', ')}, fx_minor, closing_minor,
  customers_start, customers_end, new_customers, churned_customers, cohort_start_minor, cohort_current_minor, cohort_retained_minor)
SELECT o.organisation_id, o.month, o.opening_b, ${MOVEMENT_COLUMNS.map((c) => `o.${c}_b`).join(', ')},
       o.closing_b - o.opening_b - (${MOVEMENT_COLUMNS.map((c) => `o.${c}_b`).join(' + ')}),
       o.closing_b, o.customers_start, o.customers_end, o.new_customers, o.churned_customers, o.start_b, o.current_b, o.retained_b
  FROM opened o JOIN targets t ON t.organisation_id = o.organisation_id
 WHERE o.month >= t.from_month AND o.month <= $3::date
   AND (o.opening_b <> 0 OR o.closing_b <> 0 OR o.start_b <> 0 OR o.customers_start > 0 OR o.customers_end > 0
        OR ${MOVEMENT_COLUMNS.map((c) => `o.${c}_b <> 0`).join(' OR ')})`;
