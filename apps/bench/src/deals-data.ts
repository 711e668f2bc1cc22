import { randomUUID } from 'node:crypto';
import { DEFAULT_DEAL_RULES, type DealStatus, normaliseCompanyName, protectionEndsAt, reviewDueAt } from '@prm/domain/deals';
import { parseMoney } from '@prm/domain/money';
import type { Pool, PoolClient } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark is a harness of the api: it reuses its demo catalogue
import { DEMO_PRODUCTS } from '../../api/src/app/demo-data';
import { CITIES_BE, CITIES_NL, FIRST_NAMES, type GeneratedData, slug, SURNAMES } from './data';

/** Deal registration at Scale S: 100 registrations per partner, a few hundred house accounts, the demo catalogue. */
export const DEALS_SCALE = { registrations: 200_000, houseAccounts: 300 };

/** Share of the registrations in each status (sums to 1). */
const STATUS_MIX: [DealStatus, number][] = [
  ['DRAFT', 0.01],
  ['SUBMITTED', 0.05],
  ['MORE_INFO_REQUESTED', 0.02],
  ['APPROVED', 0.25],
  ['REJECTED', 0.07],
  ['WON', 0.25],
  ['LOST', 0.2],
  ['EXPIRED', 0.15],
];
/** Share of registrations for a customer registered before (by any partner); the rest are new customers. */
const REPEAT_CUSTOMER = 0.25;

export interface DealSizes {
  products: number;
  houseAccounts: number;
  registrations: number;
  productLines: number;
  byStatus: Partial<Record<DealStatus, number>>;
  /** APPROVED with protection_ends_at still in the future. */
  approvedProtected: number;
  distinctCustomers: number;
}

/** A customer the benchmark builds its conflict-check inputs from. */
export interface CustomerSample {
  customerName: string;
  customerDomain: string;
  customerCountry: string;
}

export interface RegistrationSample extends CustomerSample {
  organisationId: string;
  status: DealStatus;
}

export interface DealsData {
  sizes: DealSizes;
  /** Active registrations (submitted, or approved and protected) of partners other than the rep's, in generation order (the first 200). */
  active: RegistrationSample[];
  /** Registrations (not drafts) of the partner rep's own organisation. */
  repOwn: RegistrationSample[];
  /** House accounts that are also registered customers. */
  houseAccounts: CustomerSample[];
}

// Surnames of the customers' names: the partners' forty, and sixty more (Dutch and Flemish, some near-duplicates such as De Clercq / Declercq).
const CUSTOMER_SURNAMES = [
  ...SURNAMES,
  'De Vries', 'Van den Berg', 'Van der Meer', 'Kok', 'Van der Heijden', 'Schouten', 'Van Beek', 'Willemsen', 'Van Vliet', 'Van de Ven',
  'Hoekstra', 'Maas', 'Verbeek', 'Koster', 'Van Dam', 'Van der Wal', 'Timmermans', 'De Haan', 'Groen', 'Schipper',
  'Postma', 'Van den Bosch', 'Kramer', 'Van Wijk', 'Vermeer', 'Van der Veen', 'Jonker', 'Kuiper', 'Van Doorn', 'Wuyts',
  'Desmet', 'De Clercq', 'Martens', 'Leclercq', 'Michiels', 'Van Damme', 'De Backer', 'Segers', 'Lemmens', 'Aerts',
  'Verstraete', 'Coppens', 'Stevens', 'Pauwels', 'Van de Velde', 'Declercq', 'Cools', 'Claessens', 'Vandenberghe', 'Bogaerts',
  'Verschueren', 'Dierckx', 'Van Acker', 'Geerts', 'Thys', 'Baert', 'Hoogendoorn', 'Brink', 'Van Rijn', 'Blom',
];
/** What the customers do: as a name's tail (`Jansen Bouw`) and as its head (`Bouwbedrijf Jansen`). */
const CUSTOMER_ACTIVITIES: [string, string][] = [
  ['Bouw', 'Bouwbedrijf'], ['Installatietechniek', 'Installatiebedrijf'], ['Transport', 'Transportbedrijf'], ['Logistiek', 'Logistiek Centrum'],
  ['Accountants', 'Accountantskantoor'], ['Advocaten', 'Advocatenkantoor'], ['Notarissen', 'Notariskantoor'], ['Makelaardij', 'Makelaarskantoor'],
  ['Tandartsen', 'Tandartspraktijk'], ['Fysiotherapie', 'Fysiotherapiepraktijk'], ['Schilderwerken', 'Schildersbedrijf'], ['Hoveniers', 'Hoveniersbedrijf'],
  ['Dakwerken', 'Dakdekkersbedrijf'], ['Loodgieters', 'Loodgietersbedrijf'], ['Elektrotechniek', 'Elektrotechnisch Bureau'], ['Autobedrijf', 'Garage'],
  ['Carrosserie', 'Carrosseriebedrijf'], ['Metaalbewerking', 'Metaalwerkplaats'], ['Machinebouw', 'Machinefabriek'], ['Kunststoffen', 'Kunststoffabriek'],
  ['Verpakkingen', 'Verpakkingsindustrie'], ['Drukwerk', 'Drukkerij'], ['Brood en Banket', 'Bakkerij'], ['Vleeswaren', 'Slagerij'],
  ['Catering', 'Cateringbedrijf'], ['Horeca', 'Horecagroep'], ['Hotels', 'Hotelgroep'], ['Reizen', 'Reisbureau'],
  ['Personeelsdiensten', 'Uitzendbureau'], ['Schoonmaak', 'Schoonmaakbedrijf'], ['Beveiliging', 'Beveiligingsbedrijf'], ['Vastgoed', 'Vastgoedbeheer'],
  ['Verzekeringen', 'Assurantiekantoor'], ['Financieel Advies', 'Adviesbureau'], ['Architecten', 'Architectenbureau'], ['Ingenieurs', 'Ingenieursbureau'],
  ['Zorg', 'Zorggroep'], ['Thuiszorg', 'Thuiszorgorganisatie'], ['Kinderopvang', 'Kinderdagverblijf'], ['Dierenartsen', 'Dierenkliniek'],
  ['Tuinen', 'Tuincentrum'], ['Meubelen', 'Meubelmakerij'], ['Keukens', 'Keukenstudio'], ['Fietsen', 'Fietsenwinkel'],
  ['Agro', 'Loonbedrijf'], ['Kwekerij', 'Boomkwekerij'], ['Groothandel', 'Groothandel'], ['Import Export', 'Handelsonderneming'],
  ['Textiel', 'Textielhandel'], ['Mode', 'Modehuis'],
];
/** Cities, Dutch and Belgian interleaved (the n-th customer of a surname and activity has the n-th city in its name). */
const CUSTOMER_CITIES = Array.from({ length: Math.max(CITIES_NL.length, CITIES_BE.length) * 2 }, (_, i) => (i % 2 === 0 ? CITIES_NL[i / 2] : CITIES_BE[(i - 1) / 2]))
  .filter((c): c is string => c !== undefined)
  .map((city) => ({ city, country: CITIES_NL.includes(city) ? 'NL' : 'BE' }));
const LEGAL_FORMS: Record<string, string[]> = { NL: [' B.V.', ' BV', ' B.V.', ' V.O.F.', ''], BE: [' NV', ' BV', ' BVBA', ' N.V.', ' SRL'] };
/** Vendor house accounts that are institutions (the rest are registered customers). */
const INSTITUTIONS: Record<string, string[]> = {
  NL: ['Gemeente', 'Ziekenhuis', 'Hogeschool', 'Woningcorporatie', 'Waterschap', 'ROC'],
  BE: ['Stad', 'AZ', 'Hogeschool', 'OCMW', 'Politiezone', 'Intercommunale'],
};
const REASONS: Partial<Record<DealStatus, string[]>> = {
  MORE_INFO_REQUESTED: ['Please add the decision maker and the expected number of users.', 'Which products does the customer use today?'],
  REJECTED: ['Already registered and protected by another partner.', 'The customer is a vendor house account.', 'Not enough information about the opportunity.'],
  LOST: ['The customer chose a competitor.', 'Project postponed by the customer.', 'No budget this year.'],
};
const STAGES: Record<'open' | 'approved' | 'closed', string[]> = {
  open: ['PROSPECTING', 'QUALIFIED', 'PROPOSAL'],
  approved: ['PROPOSAL', 'NEGOTIATION', 'COMMIT'],
  closed: ['NEGOTIATION', 'COMMIT'],
};

const DAY_MS = 86_400_000;
/** How many active registrations are kept as samples for the conflict-check inputs. */
const SAMPLES = 200;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run loads the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Customer {
  name: string;
  domain: string;
  country: string;
  city: string | null;
}

/**
 * The k-th customer company: surname × activity × (no city, then one city after another), in the
 * name patterns below and the country's legal forms, so no two customers share a name or a domain.
 */
function customer(k: number): Customer {
  const surname = CUSTOMER_SURNAMES[k % CUSTOMER_SURNAMES.length];
  const [tail, head] = CUSTOMER_ACTIVITIES[Math.floor(k / CUSTOMER_SURNAMES.length) % CUSTOMER_ACTIVITIES.length];
  const q = Math.floor(k / (CUSTOMER_SURNAMES.length * CUSTOMER_ACTIVITIES.length));
  if (q > CUSTOMER_CITIES.length) throw new RangeError('more customers than name combinations');
  const place = q === 0 ? null : CUSTOMER_CITIES[(q - 1) % CUSTOMER_CITIES.length];
  const country = place?.country ?? (k % 20 < 13 ? 'NL' : 'BE');
  const city = place ? ` ${place.city}` : '';
  const legal = LEGAL_FORMS[country][(k * 7) % LEGAL_FORMS[country].length];
  const partner = CUSTOMER_SURNAMES[(k * 13 + 5) % CUSTOMER_SURNAMES.length];
  // Percentiles of the patterns: 35 % `Jansen Bouw B.V.`, 30 % `Bouwbedrijf Jansen BV`, 15 % without legal form,
  // 8 % `… Groep`, 4 % `Jansen & Zonen Bouw`, 8 % `Advocatenkantoor Jansen & De Vries`.
  const percentile = (k * 37 + q * 11) % 100;
  const name =
    percentile < 35 ? `${surname} ${tail}${city}${legal}`
    : percentile < 65 ? `${head} ${surname}${city}${legal}`
    : percentile < 80 ? `${surname} ${tail}${city}`
    : percentile < 88 ? `${surname} ${tail} Groep${city}${legal}`
    : percentile < 92 ? `${surname} & Zonen ${tail}${city}${legal}`
    : `${head} ${surname} & ${partner}${city}`;
  return {
    name,
    // Hyphens kept: De Smet and Desmet are two companies (de-smet-…, desmet-…).
    domain: `${slug(`${surname} ${tail}${city}`)}.${country.toLowerCase()}`,
    country,
    city: place?.city ?? null,
  };
}

/** Seconds since the epoch: timestamps go to the database as numbers, much cheaper to send and parse than ISO text. */
const seconds = (d: Date | null): number | null => (d ? d.getTime() / 1000 : null);

/**
 * An array of values that need no quoting (numbers, booleans, uuids) as a PostgreSQL array literal:
 * for 200,000 elements a third of the time node-postgres takes to serialise the array itself.
 */
export const literal = (xs: readonly (number | boolean | string | null)[]): string => `{${xs.map((x) => x ?? 'NULL').join(',')}}`;

/**
 * Runs `load` with the foreign keys and the secondary indexes of `tables` dropped, then recreates them
 * from their own definitions in the catalogue, as pg_restore does: one validating join per foreign key
 * and one index build instead of a check and an index insertion per row. Primary keys and unique
 * constraints stay. In the caller's transaction, so a failure leaves nothing behind.
 */
export async function withoutForeignKeysAndIndexes(client: PoolClient, tables: string[], load: () => Promise<void>): Promise<void> {
  const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await load();
  for (const index of indexes) await client.query(index.def);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
}

/**
 * Bulk-loads the deal-registration data into a database that holds Scale S: the demo product
 * catalogue, house accounts and 200,000 registrations (each with one or two product lines) in the
 * status mix above, with dates consistent with each status, as of `now`. Then VACUUM ANALYZE, so the
 * measured queries do not meet a pending autovacuum or an unflushed GIN pending list.
 */
export async function generateDeals(pool: Pool, base: GeneratedData, now = new Date()): Promise<DealsData> {
  const rand = random(20_251_125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (min: number, max: number): number => min + rand() * (max - min);
  const daysAgo = (min: number, max: number): Date => new Date(now.getTime() - between(min, max) * DAY_MS);
  const plus = (d: Date, minDays: number, maxDays: number): Date => new Date(d.getTime() + between(minDays, maxDays) * DAY_MS);
  const statusOf = (x: number): DealStatus => {
    let sum = 0;
    for (const [status, share] of STATUS_MIX) if (x < (sum += share)) return status;
    return STATUS_MIX[STATUS_MIX.length - 1][0];
  };
  const products = DEMO_PRODUCTS.map((p) => ({ ...p, id: randomUUID(), priceMinor: Number(parseMoney(p.listPrice, 'EUR').amountMinor) }));
  const users: string[] = [];
  const firstUser = base.partners.map((p) => users.push(...p.userIds) - p.userIds.length); // partner → index of its first user

  // Registrations, column by column. Organisation, program, users and products go as 1-based indexes into small uuid arrays.
  const reg = {
    id: [] as string[], partner: [] as number[], user: [] as number[], status: [] as string[], name: [] as string[], normalised: [] as string[],
    domain: [] as (string | null)[], country: [] as string[], city: [] as (string | null)[], contact: [] as string[], email: [] as (string | null)[],
    phone: [] as (string | null)[], mrr: [] as number[], oneTime: [] as number[], closeDate: [] as number[], stage: [] as string[], vendorLead: [] as boolean[],
    conflict: [] as boolean[], submitted: [] as (number | null)[], due: [] as (number | null)[], decided: [] as (number | null)[], decidedBy: [] as (number | null)[],
    reason: [] as (string | null)[], approved: [] as (number | null)[], protection: [] as (number | null)[], closed: [] as (number | null)[],
    actualMrr: [] as (number | null)[], actualOneTime: [] as (number | null)[], created: [] as number[],
  };
  const line = { registration: [] as string[], domain: [] as (string | null)[], product: [] as number[], quantity: [] as number[], protected: [] as boolean[] };
  const customerOf: number[] = []; // registration → customer number
  const ownerOf = new Map<number, number>(); // customer → the first partner that registered it
  const approvedDomains = new Set<string>();
  const byStatus: Partial<Record<DealStatus, number>> = Object.fromEntries(STATUS_MIX.map(([status]) => [status, 0])); // in lifecycle order
  const active: RegistrationSample[] = [];
  const repOwn: RegistrationSample[] = [];
  let customers = 0;
  let approvedProtected = 0;

  for (let i = 0; i < DEALS_SCALE.registrations; i++) {
    const p = i % base.partners.length;
    const partner = base.partners[p];
    const status = statusOf(rand());
    // A known customer again (a later deal, or another partner's competing one), or a new one. One
    // approved registration per domain at most: the database allows one protected line per domain and product.
    let k = rand() < REPEAT_CUSTOMER && i > 0 ? customerOf[Math.floor(rand() * i)] : customers++;
    let c = customer(k);
    if (status === 'APPROVED' && approvedDomains.has(c.domain)) c = customer((k = customers++));
    customerOf.push(k);
    if (status === 'APPROVED') approvedDomains.add(c.domain);
    const otherPartnerFirst = ownerOf.has(k) && ownerOf.get(k) !== p;
    if (!ownerOf.has(k)) ownerOf.set(k, p);
    const domain = status === 'DRAFT' && rand() < 0.5 ? null : c.domain;

    // Dates, as the lifecycle would have set them.
    let submitted: Date | null = null;
    let decided: Date | null = null;
    let approved: Date | null = null;
    let closed: Date | null = null;
    if (status === 'SUBMITTED') submitted = daysAgo(0, 5);
    else if (status === 'MORE_INFO_REQUESTED' || status === 'REJECTED') {
      submitted = status === 'REJECTED' ? daysAgo(3, 700) : daysAgo(2, 20);
      decided = plus(submitted, 0.05, 2);
    } else if (status !== 'DRAFT') {
      approved = status === 'APPROVED' ? daysAgo(0, 110) : daysAgo(95, 700);
      submitted = plus(approved, -2, -0.05);
      decided = approved;
    }
    const protection = approved && protectionEndsAt(DEFAULT_DEAL_RULES, approved);
    if (status === 'WON' || status === 'LOST') closed = plus(approved!, 5, 85);
    else if (status === 'EXPIRED') closed = plus(protection!, 0, 1);
    const created = submitted ? plus(submitted, -3, 0) : daysAgo(0, 30);
    if (status === 'APPROVED' && protection! > now) approvedProtected++;

    // One or two products; recurring ones per device/user (the SIEM per tenant), one-time ones once.
    const id = randomUUID();
    const one = Math.floor(rand() * products.length);
    const chosen = rand() < 0.4 ? [one, (one + 1 + Math.floor(rand() * (products.length - 1))) % products.length] : [one];
    let mrr = 0;
    let oneTime = 0;
    for (const x of chosen) {
      const product = products[x];
      const quantity = product.pricing === 'ONE_TIME' || product.sku === 'ACME-SIEM' ? 1 : 5 + Math.floor(rand() * 400);
      if (product.pricing === 'RECURRING') mrr += product.priceMinor * quantity;
      else oneTime += product.priceMinor * quantity;
      line.registration.push(id);
      line.domain.push(domain);
      line.product.push(x + 1);
      line.quantity.push(quantity);
      line.protected.push(status === 'APPROVED');
    }

    const contactFirst = pick(FIRST_NAMES);
    const contactLast = pick(CUSTOMER_SURNAMES);
    reg.id.push(id);
    reg.partner.push(p + 1);
    reg.user.push(firstUser[p] + Math.floor(rand() * partner.userIds.length) + 1);
    reg.status.push(status);
    reg.name.push(c.name);
    reg.normalised.push(normaliseCompanyName(c.name));
    reg.domain.push(domain);
    reg.country.push(c.country);
    reg.city.push(c.city);
    reg.contact.push(`${contactFirst} ${contactLast}`);
    reg.email.push(domain ? `${slug(contactFirst)}.${slug(contactLast).replace(/-/g, '')}@${domain}` : null);
    reg.phone.push(rand() < 0.6 ? `${c.country === 'NL' ? '+31 6' : '+32 4'} ${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null);
    reg.mrr.push(mrr);
    reg.oneTime.push(oneTime);
    reg.closeDate.push(seconds(plus(created, 20, 150))!);
    reg.stage.push(pick(STAGES[closed ? 'closed' : approved ? 'approved' : 'open']));
    reg.vendorLead.push(rand() < 0.05);
    reg.conflict.push(status !== 'DRAFT' && otherPartnerFirst);
    reg.submitted.push(seconds(submitted));
    reg.due.push(seconds(submitted && reviewDueAt(DEFAULT_DEAL_RULES, submitted)));
    reg.decided.push(seconds(decided));
    reg.decidedBy.push(decided ? Math.floor(rand() * base.channelManagerIds.length) + 1 : null);
    reg.reason.push(REASONS[status] ? pick(REASONS[status]) : null);
    reg.approved.push(seconds(approved));
    reg.protection.push(seconds(protection));
    reg.closed.push(seconds(closed));
    reg.actualMrr.push(status === 'WON' ? Math.round(mrr * between(0.8, 1.2)) : null);
    reg.actualOneTime.push(status === 'WON' ? Math.round(oneTime * between(0.8, 1.2)) : null);
    reg.created.push(seconds(created)!);
    byStatus[status] = (byStatus[status] ?? 0) + 1;

    const sample = { organisationId: partner.id, status, customerName: c.name, customerDomain: c.domain, customerCountry: c.country };
    if (partner.id === base.partnerRep.organisationId && status !== 'DRAFT') repOwn.push(sample);
    else if ((status === 'SUBMITTED' || (status === 'APPROVED' && protection! > now)) && active.length < SAMPLES) active.push(sample);
  }

  // House accounts: a third are customers partners also register (domain conflicts), the rest institutions.
  const house = { name: [] as string[], normalised: [] as string[], domain: [] as string[], country: [] as string[] };
  const houseAccounts: CustomerSample[] = [];
  const addHouse = (name: string, domain: string, country: string): void => {
    house.name.push(name);
    house.normalised.push(normaliseCompanyName(name));
    house.domain.push(domain);
    house.country.push(country);
  };
  const fromCustomers = Math.floor(DEALS_SCALE.houseAccounts / 3);
  for (let j = 0; j < fromCustomers; j++) {
    const c = customer(Math.floor((j * customers) / fromCustomers) + 7);
    addHouse(c.name, c.domain, c.country);
    houseAccounts.push({ customerName: c.name, customerDomain: c.domain, customerCountry: c.country });
  }
  for (let j = 0; house.name.length < DEALS_SCALE.houseAccounts; j++) {
    const { city, country } = CUSTOMER_CITIES[j % CUSTOMER_CITIES.length];
    const kind = INSTITUTIONS[country][Math.floor(j / CUSTOMER_CITIES.length) % INSTITUTIONS[country].length];
    if (j >= CUSTOMER_CITIES.length * INSTITUTIONS[country].length) throw new RangeError('more house accounts than institution names');
    addHouse(`${kind} ${city}`, `${slug(kind)}-${slug(city)}.${country.toLowerCase()}`, country);
  }

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO products (id, sku, name, product_line, pricing, list_price_minor, currency)
       SELECT id, sku, name, line, pricing, price, 'EUR' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS t (id, sku, name, line, pricing, price)`,
      [products.map((p) => p.id), products.map((p) => p.sku), products.map((p) => p.name), products.map((p) => p.productLine), products.map((p) => p.pricing), products.map((p) => p.priceMinor)],
    );
    await withoutForeignKeysAndIndexes(client, ['deal_registrations', 'deal_registration_products'], async () => {
      // In created_at order, so `number` (bigserial) grows with time as it would in use. updated_at is the
      // latest of the lifecycle's times; a won deal's actual close date is the day it was closed (UTC).
      await client.query(
        `INSERT INTO deal_registrations (id, organisation_id, program_id, registered_by_user_id, status, customer_name, customer_normalised_name, customer_domain,
           customer_country, customer_city, contact_name, contact_email, contact_phone, currency, estimated_mrr_minor, estimated_one_time_minor, expected_close_date,
           sales_stage, from_vendor_lead, possible_conflict, submitted_at, review_due_at, decided_at, decided_by_user_id, decision_reason, approved_at,
           protection_ends_at, closed_at, actual_mrr_minor, actual_one_time_minor, actual_close_date, created_at, updated_at)
         SELECT id, ($30::uuid[])[partner], ($31::uuid[])[partner], ($32::uuid[])[usr], status, name, normalised, domain, country, city, contact, email, phone, 'EUR',
           mrr, one_time, (to_timestamp(close_date) AT TIME ZONE 'UTC')::date, stage, vendor_lead, conflict, to_timestamp(submitted), to_timestamp(due),
           to_timestamp(decided), ($33::uuid[])[decided_by], reason, to_timestamp(approved), to_timestamp(protection), to_timestamp(closed), actual_mrr,
           actual_one_time, CASE WHEN status = 'WON' THEN (to_timestamp(closed) AT TIME ZONE 'UTC')::date END, to_timestamp(created),
           to_timestamp(coalesce(closed, decided, submitted, created))
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
             $12::text[], $13::bigint[], $14::bigint[], $15::float8[], $16::text[], $17::boolean[], $18::boolean[], $19::float8[], $20::float8[], $21::float8[],
             $22::int[], $23::text[], $24::float8[], $25::float8[], $26::float8[], $27::bigint[], $28::bigint[], $29::float8[])
             AS t (id, partner, usr, status, name, normalised, domain, country, city, contact, email, phone, mrr, one_time, close_date, stage, vendor_lead,
               conflict, submitted, due, decided, decided_by, reason, approved, protection, closed, actual_mrr, actual_one_time, created)
          ORDER BY created`,
        [
          ...[reg.id, reg.partner, reg.user].map(literal), reg.status, reg.name, reg.normalised, reg.domain, reg.country, reg.city, reg.contact, reg.email, reg.phone,
          ...[reg.mrr, reg.oneTime, reg.closeDate].map(literal), reg.stage,
          ...[reg.vendorLead, reg.conflict, reg.submitted, reg.due, reg.decided, reg.decidedBy].map(literal), reg.reason,
          ...[reg.approved, reg.protection, reg.closed, reg.actualMrr, reg.actualOneTime, reg.created].map(literal),
          base.partners.map((p) => p.id), base.partners.map((p) => p.programId), users, base.channelManagerIds,
        ],
      );
      await client.query(
        `INSERT INTO deal_registration_products (registration_id, customer_domain, product_id, quantity, protected)
         SELECT r, d, ($6::uuid[])[p], q, pr FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::boolean[]) AS t (r, d, p, q, pr)`,
        [literal(line.registration), line.domain, ...[line.product, line.quantity, line.protected].map(literal), products.map((p) => p.id)],
      );
    });
    await client.query(
      `INSERT INTO house_accounts (company_name, normalised_name, domain, country)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [house.name, house.normalised, house.domain, house.country],
    );
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) products, house_accounts, deal_registrations, deal_registration_products');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }

  return {
    sizes: {
      products: products.length,
      houseAccounts: house.name.length,
      registrations: reg.id.length,
      productLines: line.registration.length,
      byStatus,
      approvedProtected,
      distinctCustomers: ownerOf.size,
    },
    active,
    repOwn,
    houseAccounts,
  };
}
