import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark is a harness of the api: it reuses its demo ladder
import { DEMO_PROGRAMS, DEMO_TIERS } from '../../api/src/app/demo-data';

/** Scale S: one vendor, 2,000 partners with 10 users each, 13 vendor staff, 4 programs × 4 tiers, one enrolment per partner. */
export const SCALE_S = {
  partners: 2000,
  usersPerPartner: 10,
  channelManagers: 10,
  analysts: 2,
  programs: DEMO_PROGRAMS.length,
  tiersPerProgram: DEMO_TIERS.length,
};

export interface ScaleSizes {
  organisations: number;
  partners: number;
  users: number;
  partnerUsers: number;
  vendorStaff: number;
  programs: number;
  tiers: number;
  enrolments: number;
}

export interface GeneratedData {
  sizes: ScaleSizes;
  /** A partner rep of an active partner (the `me` scenario signs in as this user). */
  partnerRep: { id: string; email: string; organisationId: string };
  /** A channel manager (the partner-list and deal scenarios sign in as this user). */
  channelManager: { id: string; email: string; organisationId: string };
  /** The vendor admin (the incentives scenarios create their plans as this user). */
  vendorAdmin: { id: string; email: string };
  /** Every partner with its enrolment's program and its users (what the deal registrations refer to). */
  partners: { id: string; programId: string; userIds: string[] }[];
  channelManagerIds: string[];
}

export const SURNAMES = [
  'Van Dijk', 'De Jong', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits',
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Lambert', 'Vermeulen', 'Van den Broeck', 'Hermans', 'Verhoeven', 'Kuipers', 'Van der Linden', 'Prins', 'Huisman',
];
const PLACES = ['Noord', 'Zuid', 'Polder', 'Delta', 'Kempen', 'Schelde', 'Maas', 'Rijn', 'Veluwe', 'Brabant', 'Kennemer', 'Waasland'];
const ACTIVITIES = [
  'ICT', 'IT Services', 'Automatisering', 'Cloud Solutions', 'Systeembeheer', 'Netwerken', 'Digital', 'Data',
  'Software', 'Consultancy', 'Managed Services', 'Informatica', 'Technology', 'Groep', 'Partners',
];
export const CITIES_NL = [
  'Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen',
  'Apeldoorn', 'Haarlem', 'Arnhem', 'Enschede', 'Amersfoort', 'Zwolle', 'Leiden', 'Maastricht', 'Delft', "'s-Hertogenbosch",
];
export const CITIES_BE = [
  'Antwerpen', 'Gent', 'Brussel', 'Charleroi', 'Luik', 'Brugge', 'Namen', 'Leuven', 'Mechelen', 'Aalst',
  'Hasselt', 'Kortrijk', 'Oostende', 'Genk', 'Sint-Niklaas',
];
export const FIRST_NAMES = [
  'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Bram', 'Thijs', 'Jesse', 'Ruben', 'Emma', 'Julia', 'Mila', 'Sophie',
  'Tess', 'Sanne', 'Lotte', 'Eva', 'Anouk', 'Lieke', 'Noor', 'Fleur', 'Sara', 'Lars', 'Wout', 'Jens', 'Arne', 'Elise',
  'Hanne', 'Lore', 'Femke', 'Joris', 'Pieter', 'Koen', 'Stijn', 'Annelies', 'Bart', 'Ine', 'Tom', 'Marieke',
];
const SEGMENTS = DEMO_PROGRAMS.map((p) => p.segment);

export const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const digits = (seed: number, length: number): string => String((seed * 7919 + 104729) % 10 ** length).padStart(length, '0');

/** Bulk-loads Scale S into an empty, migrated database: a handful of multi-row `INSERT … SELECT unnest(…)` statements. */
export async function generateScaleS(pool: Pool, passwordHash: string): Promise<GeneratedData> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');

    // The vendor and its staff.
    const vendorId = randomUUID();
    await client.query(
      `INSERT INTO organisations (id, kind, name, legal_name, country, city, website, domain, preferred_language, currency, status)
       VALUES ($1, 'VENDOR', 'Acme Cloud', 'Acme Cloud B.V.', 'NL', 'Amsterdam', 'https://acme-cloud.test', 'acme-cloud.test', 'en', 'EUR', 'ACTIVE')`,
      [vendorId],
    );
    const staff: { id: string; email: string; name: string; role: string }[] = [
      { id: randomUUID(), email: 'admin@acme-cloud.test', name: 'Vera Admin', role: 'VENDOR_ADMIN' },
    ];
    for (let i = 0; i < SCALE_S.channelManagers; i++) {
      const first = FIRST_NAMES[(i * 3) % FIRST_NAMES.length];
      const last = SURNAMES[(i * 7) % SURNAMES.length];
      staff.push({ id: randomUUID(), email: `manager${i + 1}@acme-cloud.test`, name: `${first} ${last}`, role: 'CHANNEL_MANAGER' });
    }
    for (let i = 0; i < SCALE_S.analysts; i++) {
      staff.push({ id: randomUUID(), email: `analyst${i + 1}@acme-cloud.test`, name: `${FIRST_NAMES[i + 20]} ${SURNAMES[i + 30]}`, role: 'ANALYST' });
    }
    await insertUsers(client, vendorId, staff, passwordHash);
    const managers = staff.filter((s) => s.role === 'CHANNEL_MANAGER');

    // Partners: Dutch and Belgian IT companies, each with a number so every name is distinct.
    const org = {
      id: [] as string[], name: [] as string[], legal: [] as string[], country: [] as string[], city: [] as string[],
      website: [] as string[], domain: [] as string[], vat: [] as string[], segment: [] as string[], lang: [] as string[],
      status: [] as string[], manager: [] as (string | null)[],
    };
    for (let i = 0; i < SCALE_S.partners; i++) {
      const be = i % 20 >= 13; // 35 % Belgian
      const stem = i % 5 === 4 ? PLACES[(i * 3 + Math.floor(i / 5)) % PLACES.length] : SURNAMES[(i * 7 + Math.floor(i / 5)) % SURNAMES.length];
      const name = `${stem} ${ACTIVITIES[(i * 7 + Math.floor(i / 40)) % ACTIVITIES.length]} ${i + 1}`;
      const domain = `${slug(name)}.${be ? 'be' : 'nl'}`;
      org.id.push(randomUUID());
      org.name.push(name);
      org.legal.push(`${name} ${be ? 'NV' : 'B.V.'}`);
      org.country.push(be ? 'BE' : 'NL');
      org.city.push(be ? CITIES_BE[(i * 7 + Math.floor(i / 20)) % CITIES_BE.length] : CITIES_NL[(i * 7 + Math.floor(i / 20)) % CITIES_NL.length]);
      org.website.push(`https://www.${domain}`);
      org.domain.push(domain);
      org.vat.push(be ? `BE0${digits(i, 9)}` : `NL${digits(i, 9)}B01`);
      org.segment.push(SEGMENTS[i % SEGMENTS.length]);
      org.lang.push(be && i % 2 === 0 ? 'en' : 'nl');
      org.status.push(i % 33 === 32 ? 'SUSPENDED' : 'ACTIVE');
      org.manager.push(i % 50 === 49 ? null : managers[i % managers.length].id);
    }
    await client.query(
      `INSERT INTO organisations (id, kind, name, legal_name, country, city, website, domain, vat_number, segment, preferred_language, status, channel_manager_id)
       SELECT id, 'PARTNER', name, legal, country, city, website, domain, vat, segment, lang, status, manager
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::uuid[])
           AS t (id, name, legal, country, city, website, domain, vat, segment, lang, status, manager)`,
      [org.id, org.name, org.legal, org.country, org.city, org.website, org.domain, org.vat, org.segment, org.lang, org.status, org.manager],
    );

    // Ten users per partner: one partner admin, nine reps.
    const user = { id: [] as string[], org: [] as string[], email: [] as string[], name: [] as string[], role: [] as string[] };
    for (let i = 0; i < SCALE_S.partners; i++) {
      for (let j = 0; j < SCALE_S.usersPerPartner; j++) {
        const first = FIRST_NAMES[(i * 7 + j) % FIRST_NAMES.length];
        const last = SURNAMES[(i * 3 + j * 11) % SURNAMES.length];
        user.id.push(randomUUID());
        user.org.push(org.id[i]);
        user.email.push(`${slug(first)}.${slug(last)}@${org.domain[i]}`);
        user.name.push(`${first} ${last}`);
        user.role.push(j === 0 ? 'PARTNER_ADMIN' : 'PARTNER_REP');
      }
    }
    await client.query(
      `INSERT INTO users (id, organisation_id, email, name, role, password_hash, status)
       SELECT id, org, email, name, role, $6, 'ACTIVE'
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS t (id, org, email, name, role)`,
      [user.id, user.org, user.email, user.name, user.role, passwordHash],
    );

    // Programs and tiers (as the demo data set), one enrolment per partner (half Registered, then fewer per higher tier).
    const programIds: string[] = [];
    const tierIds: string[][] = [];
    for (const program of DEMO_PROGRAMS) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO programs (name, segment, description, active, demotion_grace_days) VALUES ($1, $2, $3, true, 90) RETURNING id`,
        [program.name, program.segment, program.description],
      );
      programIds.push(rows[0].id);
      const tiers: string[] = [];
      for (const [rank, tier] of DEMO_TIERS.entries()) {
        const [rebate, mdf, dealReg, referral, cofunding] = tier.benefits;
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO tiers (program_id, name, rank, rebate_rate, mdf_accrual_rate, deal_registration_discount, referral_commission_rate, mdf_cofunding_pct, qualification_rules)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id`,
          [rows[0].id, tier.name, rank, rebate, mdf, dealReg, referral, cofunding, JSON.stringify(tier.rules)],
        );
        tiers.push(inserted.rows[0].id);
      }
      tierIds.push(tiers);
    }
    const enrolment = { org: [] as string[], program: [] as string[], tier: [] as string[] };
    for (let i = 0; i < SCALE_S.partners; i++) {
      const p = i % programIds.length;
      const bucket = (i * 37) % 20;
      const rank = bucket < 10 ? 0 : bucket < 15 ? 1 : bucket < 18 ? 2 : 3;
      enrolment.org.push(org.id[i]);
      enrolment.program.push(programIds[p]);
      enrolment.tier.push(tierIds[p][rank]);
    }
    await client.query(
      `INSERT INTO enrolments (organisation_id, program_id, tier_id)
       SELECT org, program, tier FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t (org, program, tier)`,
      [enrolment.org, enrolment.program, enrolment.tier],
    );

    await client.query('COMMIT');
    await client.query('ANALYZE');

    // A rep (j = 1) of the first active partner; the first channel manager.
    const repPartner = org.status.findIndex((s) => s === 'ACTIVE');
    const repIndex = repPartner * SCALE_S.usersPerPartner + 1;
    return {
      sizes: {
        organisations: 1 + SCALE_S.partners,
        partners: SCALE_S.partners,
        users: staff.length + user.id.length,
        partnerUsers: user.id.length,
        vendorStaff: staff.length,
        programs: programIds.length,
        tiers: tierIds.flat().length,
        enrolments: enrolment.org.length,
      },
      partnerRep: { id: user.id[repIndex], email: user.email[repIndex], organisationId: org.id[repPartner] },
      channelManager: { id: managers[0].id, email: managers[0].email, organisationId: vendorId },
      vendorAdmin: { id: staff[0]!.id, email: staff[0]!.email },
      partners: org.id.map((id, i) => ({
        id,
        programId: enrolment.program[i],
        userIds: user.id.slice(i * SCALE_S.usersPerPartner, (i + 1) * SCALE_S.usersPerPartner),
      })),
      channelManagerIds: managers.map((m) => m.id),
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function insertUsers(
  client: { query: Pool['query'] },
  organisationId: string,
  users: { id: string; email: string; name: string; role: string }[],
  passwordHash: string,
): Promise<void> {
  await client.query(
    `INSERT INTO users (id, organisation_id, email, name, role, password_hash, status)
     SELECT id, $1, email, name, role, $2, 'ACTIVE' FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS t (id, email, name, role)`,
    [organisationId, passwordHash, users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.role)],
  );
}
