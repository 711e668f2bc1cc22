/** The demo data set: the vendor, its staff, four programs with tiers, and partners in the Netherlands and Belgium. */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_VENDOR = { name: 'Acme Cloud', legalName: 'Acme Cloud B.V.', country: 'NL', city: 'Amsterdam', website: 'https://acme-cloud.test' };

export const DEMO_STAFF = [
  { email: 'admin@vendor.test', name: 'Vera Admin', role: 'VENDOR_ADMIN' },
  { email: 'manager@vendor.test', name: 'Maarten de Vries', role: 'CHANNEL_MANAGER' },
  { email: 'manager2@vendor.test', name: 'Sofie Peeters', role: 'CHANNEL_MANAGER' },
  { email: 'analyst@vendor.test', name: 'Anouk Jansen', role: 'ANALYST' },
] as const;

export const DEMO_PROGRAMS = [
  { name: 'Managed Service Provider', segment: 'MSP', description: 'For partners who run our platform for their customers on subscription.' },
  { name: 'Reseller', segment: 'Reseller', description: 'For value-added resellers who sell licences and services.' },
  { name: 'Referral & Affiliate', segment: 'Referral', description: 'For partners who refer customers and earn a commission.' },
  { name: 'Pilot', segment: 'Pilot', description: 'A trial program for new partner types.' },
] as const;

// rebate, MDF accrual, deal-registration discount, referral commission, MDF co-funding (percent)
export const DEMO_TIERS = [
  { name: 'Registered', benefits: ['0', '0', '5', '5', '0'], rules: [] },
  { name: 'Silver', benefits: ['2', '1', '10', '7.5', '50'], rules: [{ metric: 'WON_DEALS', min: '5' }, { metric: 'CERTIFIED_PEOPLE', min: '2' }] },
  { name: 'Gold', benefits: ['4', '2', '15', '10', '50'], rules: [{ metric: 'WON_DEALS', min: '15' }, { metric: 'CERTIFIED_PEOPLE', min: '5' }] },
  { name: 'Platinum', benefits: ['6', '3', '20', '12.5', '75'], rules: [{ metric: 'WON_DEALS', min: '40' }, { metric: 'CERTIFIED_PEOPLE', min: '10' }] },
] as const;

export interface DemoPartner {
  name: string;
  legalName: string;
  country: 'NL' | 'BE';
  city: string;
  domain: string;
  program: number;
  tier: number;
  wonDeals: number;
  certified: number;
  language: 'nl' | 'en';
  manager: 0 | 1;
}

const p = (name: string, legalSuffix: string, country: 'NL' | 'BE', city: string, domain: string, program: number, tier: number, wonDeals: number, certified: number, manager: 0 | 1 = 0): DemoPartner => ({
  name,
  legalName: `${name} ${legalSuffix}`,
  country,
  city,
  domain,
  program,
  tier,
  wonDeals,
  certified,
  language: country === 'NL' ? 'nl' : 'en',
  manager,
});

export const DEMO_PARTNERS: DemoPartner[] = [
  p('Northwind IT', 'B.V.', 'NL', 'Utrecht', 'northwind.test', 0, 1, 9, 3),
  p('Contoso Managed Services', 'NV', 'BE', 'Antwerpen', 'contoso.test', 0, 2, 18, 6, 1),
  p('Fabrikam Solutions', 'B.V.', 'NL', 'Rotterdam', 'fabrikam.test', 1, 0, 2, 1),
  p('Tailspin Cloud', 'B.V.', 'NL', 'Eindhoven', 'tailspin.test', 0, 3, 44, 12),
  p('Wingtip Systems', 'BV', 'BE', 'Gent', 'wingtip.test', 1, 1, 6, 2, 1),
  p('Adventure Works Consulting', 'B.V.', 'NL', 'Den Haag', 'adventureworks.test', 1, 2, 16, 5),
  p('Lucerne Data', 'BVBA', 'BE', 'Leuven', 'lucernedata.test', 2, 0, 1, 0, 1),
  p('Proseware Networks', 'B.V.', 'NL', 'Groningen', 'proseware.test', 0, 0, 3, 1),
  p('Litware Hosting', 'NV', 'BE', 'Brussel', 'litware.test', 0, 1, 7, 2, 1),
  p('Blue Yonder ICT', 'B.V.', 'NL', 'Amersfoort', 'blueyonder-ict.test', 1, 1, 5, 2),
  p('Trey Research Partners', 'SRL', 'BE', 'Liège', 'treyresearch.test', 2, 1, 5, 2, 1),
  p('Margie Digital', 'B.V.', 'NL', 'Zwolle', 'margiedigital.test', 2, 0, 0, 0),
  p('Coho Vineyard IT', 'BV', 'BE', 'Brugge', 'coho-it.test', 1, 0, 4, 1, 1),
  p('Humongous Insurance Tech', 'B.V.', 'NL', 'Arnhem', 'humongous-tech.test', 1, 3, 41, 11),
  p('Graphic Design Institute', 'B.V.', 'NL', 'Haarlem', 'gdi-partners.test', 3, 0, 0, 1),
  p('Alpine Ski IT', 'NV', 'BE', 'Hasselt', 'alpine-it.test', 0, 1, 5, 3, 1),
  p('Datum Corporation', 'B.V.', 'NL', 'Nijmegen', 'datumcorp.test', 1, 2, 20, 7),
  p('First Up Consultants', 'B.V.', 'NL', 'Leiden', 'firstup.test', 2, 0, 2, 0),
  p('Southridge Video', 'BV', 'BE', 'Mechelen', 'southridge.test', 3, 0, 1, 0, 1),
  p('Woodgrove Secure', 'B.V.', 'NL', 'Breda', 'woodgrove-secure.test', 0, 2, 15, 5),
  p('Relecloud Services', 'NV', 'BE', 'Kortrijk', 'relecloud.test', 0, 0, 6, 2, 1),
  p('Munson Pickles IT', 'B.V.', 'NL', 'Tilburg', 'munson-it.test', 1, 1, 8, 2),
  p('VanArsdel Cloud', 'B.V.', 'NL', 'Delft', 'vanarsdel.test', 0, 1, 4, 2),
  p('Nod Publishers Digital', 'NV', 'BE', 'Namen', 'nod-digital.test', 2, 1, 5, 2, 1),
  p('Bellows College Tech', 'B.V.', 'NL', 'Maastricht', 'bellows-tech.test', 3, 0, 0, 0),
];

export const DEMO_PARTNER_USERS = [
  { email: 'admin@northwind.test', name: 'Noor Bakker', role: 'PARTNER_ADMIN', partner: 'Northwind IT' },
  { email: 'rep@northwind.test', name: 'Ruben Visser', role: 'PARTNER_REP', partner: 'Northwind IT' },
  { email: 'admin@contoso.test', name: 'Charlotte Claes', role: 'PARTNER_ADMIN', partner: 'Contoso Managed Services' },
  { email: 'rep@contoso.test', name: 'Koen Maes', role: 'PARTNER_REP', partner: 'Contoso Managed Services' },
] as const;

/** The product catalogue partners register deals against (prices per unit; per month for recurring products). */
export const DEMO_PRODUCTS = [
  { sku: 'ACME-BACKUP', name: 'Acme Backup (per device)', productLine: 'Backup', pricing: 'RECURRING', listPrice: '12.50' },
  { sku: 'ACME-MAILSEC', name: 'Acme Mail Security (per user)', productLine: 'Security', pricing: 'RECURRING', listPrice: '3.20' },
  { sku: 'ACME-SIEM', name: 'Acme SIEM Cloud (per tenant)', productLine: 'Security', pricing: 'RECURRING', listPrice: '450.00' },
  { sku: 'ACME-ONBOARD', name: 'Onboarding package', productLine: 'Services', pricing: 'ONE_TIME', listPrice: '1500.00' },
  { sku: 'ACME-MIGRATE', name: 'Data migration', productLine: 'Services', pricing: 'ONE_TIME', listPrice: '2500.00' },
] as const;

/** Accounts the vendor sells to directly; registrations on them are flagged for review. */
export const DEMO_HOUSE_ACCOUNTS = [
  { companyName: 'Rijkswaterstaat', domain: 'rws.nl', country: 'NL' },
  { companyName: 'Proximus NV', domain: 'proximus.be', country: 'BE' },
  { companyName: 'Koninklijke Philips N.V.', domain: 'philips.com', country: 'NL' },
] as const;
