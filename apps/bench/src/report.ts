import type { ScaleSizes } from './data';
import type { DealSizes } from './deals-data';
import type { ScenarioResult } from './load';
import type { IncentivesData } from './incentives-data';
import type { MdfSizes } from './mdf-data';
import type { RevenueSizes } from './revenue-data';

export interface Stats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function statsOf(latencies: Float64Array, elapsedMs: number): Stats {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: sorted.length,
    rps: elapsedMs > 0 ? sorted.length / (elapsedMs / 1000) : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Latency stats of the requests of one group of variants (throughput is that group's share of the run). */
export function groupStats(result: ScenarioResult, variantIndexes: number[]): Stats {
  const wanted = new Set(variantIndexes);
  const picked: number[] = [];
  for (let i = 0; i < result.requests; i++) if (wanted.has(result.variantOf[i])) picked.push(result.latencies[i]);
  return statsOf(Float64Array.from(picked), result.elapsedMs);
}

export interface Measured {
  result: ScenarioResult;
  stats: Stats;
  /** Share of wall time the api's (main) thread was busy during the measured window. */
  mainThreadBusy: number;
  /** Share of all cores busy (whole machine, postgres included) during the measured window. */
  machineBusy: number;
  concurrency: number;
  /** CPU time of the api's thread per measured request (ms); HTTP runs on Linux only. */
  apiThreadCpuPerRequest: number | null;
}

export interface Row {
  scenario: string;
  clients: number;
  /** What the goal is about: throughput (req/s), latency (p95) or the wall time of one run (a batch job). */
  kind: 'throughput' | 'latency' | 'duration';
  api: Stats;
  sql: Stats;
  goal: string;
  met: boolean | null;
  /** What a throughput counts (default req/s). */
  unit?: string;
}

export interface MeasuredRow {
  label: string;
  client: string;
  m: Measured;
  queriesPerRequest?: string;
}

/** Per-kind latencies of a request mix (same runs as the scenario's rows). */
export interface Breakdown {
  title: string;
  rows: { label: string; api: Stats; sql: Stats }[];
}

export interface ReportInput {
  date: Date;
  machine: { os: string; cpu: string; cpus: number; memoryGiB: number; node: string; postgres: string };
  sizes: ScaleSizes;
  /** The deal-registration data, when a deal scenario ran, and the seconds its bulk load took. */
  deals: { sizes: DealSizes; loadS: number } | null;
  /** The revenue ledger, when a revenue scenario ran: its bulk load and the rollups the full rebuild wrote. */
  revenue: { sizes: RevenueSizes; loadS: number; rollups: { movements: number; customerMonths: number; partnerMonths: number } } | null;
  /** The MDF data, when an MDF scenario ran, and its bulk load. */
  mdf: { sizes: MdfSizes; loadS: number } | null;
  /** The incentives quarter, when an incentives scenario ran, and its bulk load. */
  incentives: { sizes: IncentivesData['sizes']; quarter: string; loadS: number } | null;
  method: {
    concurrency: number;
    warmupS: number;
    durationS: number;
    single: { warmupS: number; durationS: number };
    loadGenerator: string;
    nodeEnv: string;
    apiPoolSize: number;
    sqlPoolSize: number;
    /** Machine CPU in use just before the run (other processes). */
    backgroundLoad: number;
  };
  measured: MeasuredRow[];
  breakdowns: Breakdown[];
  /** Findings of the checks before the measurements, printed under the tables. */
  findings: string[];
  /** What the revenue and MDF scenarios checked (the rollups the api reads against the ledger; MDF balances and the contention runs). */
  checks: string[];
  rows: Row[];
  errors: { total: number; requests: number };
}

const n = (x: number, digits = 1): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');

export function renderReport(r: ReportInput): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`Run of ${r.date.toISOString().replace(/\.\d+Z$/, 'Z')} on ${m.cpus} × ${m.cpu}, ${n(m.memoryGiB, 1)} GiB RAM, ${m.os}, Node ${m.node}, ${m.postgres}.`);
  lines.push('');
  lines.push(
    `Data (Scale S): ${r.sizes.organisations.toLocaleString('en-US')} organisations (${r.sizes.partners.toLocaleString('en-US')} partners), ` +
      `${r.sizes.users.toLocaleString('en-US')} users (${r.sizes.partnerUsers.toLocaleString('en-US')} partner users, ${r.sizes.vendorStaff} vendor staff), ` +
      `${r.sizes.programs} programs × ${r.sizes.tiers / r.sizes.programs} tiers, ${r.sizes.enrolments.toLocaleString('en-US')} enrolments.`,
  );
  if (r.deals) {
    const d = r.deals.sizes;
    const statuses = Object.entries(d.byStatus)
      .map(([status, count]) => `${count.toLocaleString('en-US')} ${status}${status === 'APPROVED' ? ` (${d.approvedProtected.toLocaleString('en-US')} still protected)` : ''}`)
      .join(', ');
    lines.push(
      `Deal registration: ${d.registrations.toLocaleString('en-US')} registrations (${statuses}) of ${d.distinctCustomers.toLocaleString('en-US')} customers, ` +
        `${d.productLines.toLocaleString('en-US')} product lines, ${d.products} products, ${d.houseAccounts} house accounts; bulk-loaded in ${n(r.deals.loadS, 1)} s (VACUUM ANALYZE included).`,
    );
  }
  if (r.revenue) {
    const v = r.revenue.sizes;
    const c = (x: number): string => x.toLocaleString('en-US');
    const kinds = Object.entries(v.byKind).map(([kind, count]) => `${c(count)} ${kind}`).join(', ');
    const intervals = Object.entries(v.byInterval).map(([name, count]) => `${c(count)} ${name}`).join(', ');
    lines.push(
      `Revenue ledger: ${c(v.customers)} customers of ${c(v.partnersWithCustomers)} partners (${c(v.transferred)} transferred once, ${c(v.usdCustomers)} billed in USD), ` +
        `${c(v.subscriptions)} subscriptions (${intervals}), ${c(v.events)} subscription events (${kinds}) effective ${v.firstDate} to ${v.lastDate}, ` +
        `${v.exchangeRates} USD rates; bulk-loaded in ${n(r.revenue.loadS, 1)} s (VACUUM ANALYZE included). ` +
        `The full rebuild wrote ${c(r.revenue.rollups.movements)} movements, ${c(r.revenue.rollups.customerMonths)} customer months and ${c(r.revenue.rollups.partnerMonths)} partner months.`,
    );
  }
  if (r.mdf) {
    const d = r.mdf.sizes;
    const c = (x: number): string => x.toLocaleString('en-US');
    const mix = (xs: Record<string, number>): string => Object.entries(xs).map(([k, v]) => `${c(v)} ${k}`).join(', ');
    lines.push(
      `MDF: ${c(d.funds)} funds of ${c(d.partnersWithFunds)} partners (${mix(d.fundsByKind)}; ${c(d.expiredFunds)} expired), ${c(d.budgetChanges)} budget changes, ` +
        `${c(d.requests)} requests (${mix(d.requestsByStatus)}; ${c(d.insufficientFunds)} refused for insufficient funds), ${c(d.claims)} claims (${mix(d.claimsByStatus)}), ` +
        `${c(d.payments)} payments, ${c(d.timeline)} timeline entries, ${c(d.reminders)} expiry reminders; bulk-loaded in ${n(r.mdf.loadS, 1)} s (VACUUM ANALYZE included).`,
    );
  }
  if (r.incentives) {
    const d = r.incentives.sizes;
    const c = (x: number): string => x.toLocaleString('en-US');
    lines.push(
      `Incentives: ${c(d.wonDeals)} won deals in ${r.incentives.quarter} (the qualifying events) with ${c(d.productLines)} product lines, from ${c(d.partners)} partners' ` +
        `${c(d.reps)} users; bulk-loaded in ${n(r.incentives.loadS, 1)} s (ANALYZE included).`,
    );
  }
  lines.push(
    `Load: ${r.method.concurrency} concurrent clients, ${r.method.warmupS} s warm-up then ${r.method.durationS} s measured; ` +
      `then 1 client, ${r.method.single.warmupS} s warm-up then ${r.method.single.durationS} s measured. ` +
      `Load generator in ${r.method.loadGenerator}; api NODE_ENV=${r.method.nodeEnv}, TypeORM pool ${r.method.apiPoolSize}; baseline pg.Pool size = clients. ` +
      `Machine CPU already busy before the run: ${pct(r.method.backgroundLoad)}.`,
  );
  lines.push('');
  lines.push('| Measurement | Clients | API | Raw SQL | Ratio | Goal | Met |');
  lines.push('|---|---:|---:|---:|---:|---|:-:|');
  for (const row of r.rows) {
    const throughput = row.kind === 'throughput';
    const duration = row.kind === 'duration';
    const unit = row.unit ?? 'req/s';
    const api = throughput ? `${n(row.api.rps, 0)} ${unit}` : duration ? `${n(row.api.max / 1000, 1)} s` : `p95 ${n(row.api.p95, 2)} ms`;
    const sql = throughput ? `${n(row.sql.rps, 0)} ${unit}` : duration ? `${n(row.sql.max / 1000, 1)} s` : `p95 ${n(row.sql.p95, 2)} ms`;
    const ratio = throughput
      ? `${n(row.sql.rps / row.api.rps, 2)}× (sql/api ${unit})`
      : duration
        ? `${n(row.api.max / row.sql.max, 2)}× (api/sql time)`
        : `${n(row.api.p95 / row.sql.p95, 2)}× (api/sql p95)`;
    lines.push(`| ${row.scenario} | ${row.clients} | ${api} | ${sql} | ${ratio} | ${row.goal} | ${row.met === null ? '–' : row.met ? 'yes' : '**no**'} |`);
  }
  lines.push('');
  lines.push('| Scenario | Client | Clients | Requests | req/s | p50 ms | p95 ms | p99 ms | max ms | Errors | SQL stmts/req | API thread CPU ms/req | API thread busy | Machine CPU busy |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { label, client, m: x, queriesPerRequest } of r.measured) {
    const s = x.stats;
    lines.push(
      `| ${label} | ${client} | ${x.concurrency} | ${s.requests.toLocaleString('en-US')} | ${n(s.rps, 0)} | ${n(s.p50, 2)} | ${n(s.p95, 2)} | ${n(s.p99, 2)} | ${n(s.max, 1)} | ` +
        `${x.result.errors + x.result.warmupErrors} | ${queriesPerRequest ?? '–'} | ${x.apiThreadCpuPerRequest === null ? '–' : n(x.apiThreadCpuPerRequest, 2)} | ${pct(x.mainThreadBusy)} | ${pct(x.machineBusy)} |`,
    );
  }
  for (const breakdown of r.breakdowns) {
    lines.push('');
    lines.push(`${breakdown.title}:`);
    lines.push('');
    lines.push('| Request | API p50 ms | API p95 ms | API p99 ms | SQL p50 ms | SQL p95 ms | SQL p99 ms | p95 ratio (api/sql) |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const b of breakdown.rows) {
      lines.push(
        `| ${b.label} | ${n(b.api.p50, 2)} | ${n(b.api.p95, 2)} | ${n(b.api.p99, 2)} | ${n(b.sql.p50, 2)} | ${n(b.sql.p95, 2)} | ${n(b.sql.p99, 2)} | ${n(b.api.p95 / b.sql.p95, 2)}× |`,
      );
    }
  }
  if (r.checks.length) {
    lines.push('');
    lines.push(
      'Figures checked before and after the measurements (revenue: the api reads the rollups, the baseline computes from the ledger; MDF: the api against the service\'s statements through `pg`, and the funds after the contention runs):',
    );
    lines.push('');
    for (const check of r.checks) lines.push(`- ${check}`);
  }
  if (r.findings.length) {
    lines.push('');
    lines.push('Findings of the checks before the measurements (the api and the baseline agreed on each):');
    lines.push('');
    for (const finding of r.findings) lines.push(`- ${finding}`);
  }
  lines.push('');
  lines.push(
    `Errors (non-200, GraphQL errors, wrong data, timeouts): ${r.errors.total} of ${r.errors.requests.toLocaleString('en-US')} requests, warm-up included; ` +
      'the run fails when any measurement exceeds 0.1 %.',
  );
  return lines.join('\n');
}

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** Replaces the text between the results markers of docs/performance.md. */
export function replaceResults(doc: string, results: string): string {
  const start = doc.indexOf(RESULTS_START);
  const end = doc.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`docs/performance.md has no ${RESULTS_START} … ${RESULTS_END} section`);
  return `${doc.slice(0, start + RESULTS_START.length)}\n${results}\n${doc.slice(end)}`;
}
