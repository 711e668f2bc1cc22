// The request mixes of the list and deal scenarios. Each builder checks, before anything is measured,
// that the api and the raw-SQL baseline return the same data for every request of its mix.
import { decodeCursor, normaliseDomain } from '@prm/domain/common';
import { isMatch, normaliseCompanyName, scoreConflict } from '@prm/domain/deals';
import { CONFLICT_CANDIDATES_PER_SOURCE } from '@prm/server/deals';
import type { Pool } from 'pg';
import type { CustomerSample } from './deals-data';
import { graphql } from './graphql';
import type { BenchCase } from './load';
import {
  type ConflictCheckRequest,
  conflictCheckQuery,
  ORGANISATIONS_BY_IDS_SQL,
  partnerPageQuery,
  type PartnerPageRequest,
  type QueuePageRequest,
  reviewQueueQuery,
} from './sql';

export const PAGE_SIZE = 25;
/** "Later page" requests open these pages (cursor = endCursor of the page before). */
const LATER_PAGES = [2, 5, 10, 20, 40];
/** Search terms: company-name words, a surname, two cities. */
const SEARCH_TERMS = ['automatisering', 'cloud', 'bakker', 'gent', 'utrecht'];
/** The service reads at most this many candidate rows per source and match kind. */
const CONFLICT_ROW_LIMIT = CONFLICT_CANDIDATES_PER_SOURCE;

export const PARTNERS = `query Partners($first: Int!, $after: String, $filter: PartnerFilter) {
  partners(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name city country status channelManager { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const REVIEW_QUEUE = `query ReviewQueue($first: Int!, $after: String) {
  dealReviewQueue(first: $first, after: $after) {
    edges { cursor node { id number status customerName customerDomain reviewDueAt possibleConflict reviewOverdue estimatedFirstYearValue organisation { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CHECK_CONFLICTS = `query CheckConflicts($input: DealConflictCheckInput!) {
  checkDealConflicts(input: $input) {
    domain normalisedName
    matches { source score reasons nameSimilarity registrationId registrationNumber registrationStatus organisationId houseAccountId customerName customerDomain customerCountry protectionEndsAt }
  }
}`;

interface Page<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Walks a connection with the api's own endCursors; returns the `after` cursor of each of LATER_PAGES. */
async function laterPageCursors(port: number, token: string, query: string, field: string): Promise<Map<number, string>> {
  const cursors = new Map<number, string>();
  let after: string | undefined;
  for (let page = 1; page < Math.max(...LATER_PAGES); page++) {
    const data: Record<string, Page<unknown>> = await graphql<Record<string, Page<unknown>>>(port, token, query, { first: PAGE_SIZE, after });
    after = data[field].pageInfo.endCursor ?? undefined;
    if (!after) throw new Error(`${field} ended at page ${page}`);
    cursors.set(page + 1, after);
  }
  return cursors;
}

/** A keyset cursor of two values, as the baseline's parameters. */
function decodePair(cursor: string): [string, string] {
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.length !== 2) throw new Error('unexpected cursor shape');
  return [String(decoded[0]), String(decoded[1])];
}

function assertSame(label: string, what: string, api: string[], sql: string[]): void {
  if (api.join(',') !== sql.join(',')) throw new Error(`api and SQL disagree for ${label}: ${what}: api ${api.length}, sql ${sql.length}`);
}

/** Partner list: first page, later pages and searches, interleaved (a channel manager). */
export async function partnerCases(port: number, token: string, pool: Pool): Promise<BenchCase[]> {
  const cursors = await laterPageCursors(port, token, PARTNERS, 'partners');
  const requests: { group: string; label: string; variables: Record<string, unknown>; page: PartnerPageRequest }[] = LATER_PAGES.flatMap((page, i) => {
    const cursor = cursors.get(page)!;
    const term = SEARCH_TERMS[i % SEARCH_TERMS.length];
    return [
      { group: 'first page', label: 'first page', variables: { first: PAGE_SIZE }, page: { first: PAGE_SIZE } },
      { group: 'later page', label: `page ${page}`, variables: { first: PAGE_SIZE, after: cursor }, page: { first: PAGE_SIZE, after: decodePair(cursor) } },
      { group: 'search', label: `search "${term}"`, variables: { first: PAGE_SIZE, filter: { search: term } }, page: { first: PAGE_SIZE, search: term } },
    ];
  });
  for (const r of requests) {
    const api = await graphql<{ partners: Page<{ id: string }> }>(port, token, PARTNERS, r.variables);
    const q = partnerPageQuery(r.page);
    const { rows } = await pool.query<{ id: string }>(q.text, q.values);
    if (api.partners.edges.length === 0) throw new Error(`no partners for ${r.label}`);
    assertSame(r.label, 'partner ids', api.partners.edges.map((e) => e.node.id), rows.slice(0, PAGE_SIZE).map((row) => row.id));
  }
  return requests.map((r) => ({
    group: r.group,
    label: r.label,
    variables: r.variables,
    check: { type: 'connection', field: 'partners', minEdges: 1 },
    sql: { label: r.label, kind: 'sql-partners', page: r.page, minRows: 1 },
  }));
}

/** Review queue: the first page and later pages, interleaved (a channel manager). */
export async function queueCases(port: number, token: string, pool: Pool): Promise<BenchCase[]> {
  const cursors = await laterPageCursors(port, token, REVIEW_QUEUE, 'dealReviewQueue');
  const requests: { group: string; label: string; variables: Record<string, unknown>; page: QueuePageRequest }[] = LATER_PAGES.flatMap((page) => {
    const cursor = cursors.get(page)!;
    return [
      { group: 'first page', label: 'first page', variables: { first: PAGE_SIZE }, page: { first: PAGE_SIZE } },
      { group: 'later page', label: `page ${page}`, variables: { first: PAGE_SIZE, after: cursor }, page: { first: PAGE_SIZE, after: decodePair(cursor) } },
    ];
  });
  for (const r of requests) {
    const api = await graphql<{ dealReviewQueue: Page<{ id: string; organisation: { name: string } | null }> }>(port, token, REVIEW_QUEUE, r.variables);
    const q = reviewQueueQuery(r.page);
    const page = (await pool.query<{ id: string; organisation_id: string }>(q.text, q.values)).rows.slice(0, PAGE_SIZE);
    const orgs = await pool.query<{ id: string; name: string }>(ORGANISATIONS_BY_IDS_SQL, [[...new Set(page.map((row) => row.organisation_id))]]);
    const names = new Map(orgs.rows.map((o) => [o.id, o.name]));
    const nodes = api.dealReviewQueue.edges.map((e) => e.node);
    if (nodes.length !== PAGE_SIZE) throw new Error(`review queue ${r.label}: ${nodes.length} rows`);
    assertSame(r.label, 'registration ids', nodes.map((n) => n.id), page.map((row) => row.id));
    assertSame(r.label, 'organisation names', nodes.map((n) => n.organisation?.name ?? ''), page.map((row) => names.get(row.organisation_id) ?? ''));
  }
  return requests.map((r) => ({
    group: r.group,
    label: r.label,
    variables: r.variables,
    check: { type: 'connection', field: 'dealReviewQueue', minEdges: PAGE_SIZE },
    sql: { label: r.label, kind: 'sql-queue', page: r.page, minRows: PAGE_SIZE },
  }));
}

interface ConflictInput {
  customerName: string;
  customerWebsite?: string;
  customerCountry: string;
}

/** Customers that are not in the data: no registration or house account may match them. */
const UNKNOWN_CUSTOMERS: ConflictInput[] = [
  { customerName: 'Zilvermeeuw Jachtverhuur B.V.', customerWebsite: 'https://www.zilvermeeuw-jachtverhuur.nl', customerCountry: 'NL' },
  { customerName: 'Oesterkwekerij Zeeuwse Parel', customerWebsite: 'oesterparel.nl', customerCountry: 'NL' },
  { customerName: 'Brasserie Het Uilennest', customerWebsite: 'https://uilennest.be/contact', customerCountry: 'BE' },
  { customerName: 'Quartz Orgelstemmers NV', customerWebsite: 'https://www.quartz-orgels.be', customerCountry: 'BE' },
  { customerName: 'Yxilon Windturbines Onderhoud', customerCountry: 'NL' },
];
/** Another spelling of the same legal form: the normalised name does not change. */
const LEGAL_RESPELLINGS: [RegExp, string][] = [
  [/ B\.V\.$/, ' BV'], [/ BV$/, ' B.V.'], [/ N\.V\.$/, ' NV'], [/ NV$/, ' N.V.'], [/ BVBA$/, ' B.V.B.A.'], [/ V\.O\.F\.$/, ' VOF'], [/ SRL$/, ' S.R.L.'],
];

/** How a rep might type a known customer: the legal form spelled otherwise or added, every other one with a typo (first word's last letter doubled). */
function nearDuplicate(name: string, typo: boolean): string {
  const respelling = LEGAL_RESPELLINGS.find(([pattern]) => pattern.test(name));
  const renamed = respelling ? name.replace(respelling[0], respelling[1]) : `${name} B.V.`;
  return typo ? renamed.replace(/^(\S*)(\S)/, '$1$2$2') : renamed;
}

type ApiMatch = { source: string; score: number; registrationId: string | null; houseAccountId: string | null };

/**
 * Conflict checks as one signed-in user: five inputs with the domain of an existing registration
 * (`domains`), five near-duplicate names (`names`, no or another website) and five unknown customers,
 * interleaved. `side` is what the service searches for this user: the organisation whose own
 * registrations are searched (the vendor for vendor staff) and whether other partners' registrations
 * and house accounts are searched too (vendor staff).
 */
export async function conflictCases(
  port: number,
  token: string,
  pool: Pool,
  side: { organisationId: string; others: boolean },
  samples: { domains: CustomerSample[]; names: CustomerSample[] },
): Promise<{ cases: BenchCase[]; notes: string[]; warnings: string[] }> {
  if ([...samples.domains, ...samples.names].filter(Boolean).length < 2 * UNKNOWN_CUSTOMERS.length) throw new Error('not enough registrations to build the conflict inputs from');
  const inputs = UNKNOWN_CUSTOMERS.flatMap((unknown, i) => {
    const d = samples.domains[i];
    const n = samples.names[i];
    return [
      { group: 'same domain', input: { customerName: d.customerName, customerWebsite: `https://www.${d.customerDomain}/`, customerCountry: d.customerCountry } as ConflictInput },
      {
        group: 'near-duplicate name',
        input: { customerName: nearDuplicate(n.customerName, i % 2 === 1), customerWebsite: i % 2 === 0 ? undefined : `https://www.${n.customerDomain.replace(/\.\w+$/, '.eu')}`, customerCountry: n.customerCountry },
      },
      { group: 'no match', input: unknown },
    ];
  });
  const cases: BenchCase[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  for (const { group, input } of inputs) {
    const label = `${group}: ${input.customerName}`;
    const request: ConflictCheckRequest = {
      normalisedName: normaliseCompanyName(input.customerName),
      domain: input.customerWebsite ? normaliseDomain(input.customerWebsite) : null,
      organisationId: side.organisationId,
      excludeId: null,
      others: side.others,
    };
    const api = await graphql<{ checkDealConflicts: { matches: ApiMatch[] } }>(port, token, CHECK_CONFLICTS, { input });
    const q = conflictCheckQuery(request, new Date());
    const { rows } = await pool.query<{ source: string; id: string; customer_domain: string | null; customer_country: string | null; sim: number }>(q.text, q.values);
    // The service's scoring of the candidate rows (findMatches), to compare matches, not rows.
    const sqlMatches = rows.flatMap((row) => {
      const sameCountry = row.customer_country === null ? null : row.customer_country === input.customerCountry;
      const result = scoreConflict({ sameDomain: request.domain !== null && row.customer_domain === request.domain, nameSimilarity: Number(row.sim), sameCountry });
      return isMatch(result) ? [`${row.source}:${row.id}:${result.score}`] : [];
    });
    const apiMatches = api.checkDealConflicts.matches.map((m) => `${m.source}:${m.registrationId ?? m.houseAccountId}:${m.score}`);
    assertSame(label, 'matches', apiMatches.sort(), sqlMatches.sort());
    const limited = ['OWN_REGISTRATION', 'OTHER_PARTNER', 'HOUSE_ACCOUNT'].some((source) => rows.filter((r) => r.source === source).length >= CONFLICT_ROW_LIMIT);
    notes.push(`${label} → ${rows.length}${limited ? ' (LIMIT reached)' : ''} candidate rows, ${apiMatches.length} matches`);
    // Not an error of the benchmark (api and baseline agree), but of the check: reported with the results.
    if ((group === 'no match') !== (apiMatches.length === 0)) {
      warnings.push(`${label}: ${apiMatches.length} matches${limited ? ` (a source reached its limit of ${CONFLICT_ROW_LIMIT} candidate rows)` : ''}`);
    }
    cases.push({ group, label, variables: { input }, check: { type: 'conflicts', matches: apiMatches.length }, sql: { label, kind: 'sql-conflicts', request, minRows: apiMatches.length } });
  }
  return { cases, notes, warnings };
}
