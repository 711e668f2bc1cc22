import { Injectable } from '@nestjs/common';
import { DomainError, normaliseDomain } from '@prm/domain/common';
import { DEFAULT_DEAL_RULES, type DealRules, normaliseCompanyName } from '@prm/domain/deals';
import { parseMoney } from '@prm/domain/money';
import { type Connection, type CsvRowError, parseCursor, readCsv, RequestContext, toConnection, pgCode } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { isISO31661Alpha2 } from 'class-validator';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DealRulesEntity, HouseAccountEntity, ProductEntity } from '../entities/deals.entities';
import type { CreateHouseAccountInput, CreateProductInput, DealRulesInput, UpdateProductInput } from '../graphql/deals.inputs';


export interface HouseAccountImportReport {
  rows: number;
  imported: number;
  updated: number;
  rejected: number;
  errors: CsvRowError[];
  applied: boolean;
}

const HOUSE_ACCOUNT_COLUMNS = { required: ['company_name'], optional: ['website', 'country', 'notes'] } as const;
const MAX_IMPORT_ROWS = 20_000;

/** What the vendor sets up for deal registration: the product catalogue, rules per program, house accounts. */
@Injectable()
export class DealSetupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programs: ProgramsService,
  ) {}

  // ---- product catalogue ----

  products(activeOnly: boolean): Promise<ProductEntity[]> {
    return this.dataSource.getRepository(ProductEntity).find({ where: activeOnly ? { active: true } : {}, order: { name: 'ASC' }, take: 500 });
  }

  productsByIds(ids: readonly string[], manager?: EntityManager): Promise<ProductEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).getRepository(ProductEntity).findBy({ id: In([...ids]) });
  }

  productsBySkus(skus: readonly string[], manager?: EntityManager): Promise<ProductEntity[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).getRepository(ProductEntity).findBy({ sku: In([...skus]) });
  }

  async createProduct(ctx: RequestContext, input: CreateProductInput): Promise<ProductEntity> {
    const price = parseMoney(input.listPrice, input.currency, 'listPrice');
    try {
      return await this.dataSource.transaction(async (em) => {
        const product = await em.getRepository(ProductEntity).save(
          em.getRepository(ProductEntity).create({
            sku: input.sku,
            name: input.name,
            productLine: input.productLine,
            pricing: input.pricing,
            listPriceMinor: price.amountMinor,
            currency: input.currency,
            active: true,
          }),
        );
        await this.audit.record(em, ctx, { operation: 'createProduct', entityType: 'Product', entityId: product.id, after: snapshot(product) });
        return product;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'A product with that SKU exists.', { sku: ['This SKU is already in the catalogue.'] });
      throw err;
    }
  }

  async updateProduct(ctx: RequestContext, id: string, input: UpdateProductInput): Promise<ProductEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ProductEntity);
      const product = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!product) throw new DomainError('NOT_FOUND', 'Product not found.');
      const before = snapshot(product);
      if (input.name !== undefined) product.name = input.name;
      if (input.active !== undefined) product.active = input.active;
      if (input.listPrice !== undefined) product.listPriceMinor = parseMoney(input.listPrice, product.currency, 'listPrice').amountMinor;
      await repo.save(product);
      await this.audit.record(em, ctx, { operation: 'updateProduct', entityType: 'Product', entityId: id, before, after: snapshot(product) });
      return product;
    });
  }

  // ---- rules of engagement ----

  /** The rules of a program that must exist (the API): NOT_FOUND for an unknown program rather than the defaults. */
  async rulesOfProgram(programId: string): Promise<DealRules> {
    await this.programs.get(programId);
    return this.rulesFor(programId);
  }

  /** Rules of several programs in one query (defaults where none were set), in the order asked. */
  async rulesForMany(programIds: readonly string[]): Promise<DealRules[]> {
    const rows = programIds.length ? await this.dataSource.getRepository(DealRulesEntity).findBy({ programId: In([...programIds]) }) : [];
    const byProgram = new Map(rows.map((r) => [r.programId, toRules(r)]));
    return programIds.map((id) => byProgram.get(id) ?? DEFAULT_DEAL_RULES);
  }

  async rulesFor(programId: string, manager?: EntityManager): Promise<DealRules> {
    const row = await (manager ?? this.dataSource.manager).getRepository(DealRulesEntity).findOneBy({ programId });
    return row ? toRules(row) : DEFAULT_DEAL_RULES;
  }

  async updateRules(ctx: RequestContext, programId: string, input: DealRulesInput): Promise<DealRules> {
    await this.programs.get(programId);
    const currency = input.minimumValueCurrency;
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(DealRulesEntity);
      const existing = await repo.findOne({ where: { programId }, lock: { mode: 'pessimistic_write' } });
      const before = existing ? toRules(existing) : DEFAULT_DEAL_RULES;
      const nextCurrency = currency ?? before.minimumValueCurrency;
      const next: DealRulesEntity = repo.create({
        programId,
        protectionDays: input.protectionDays ?? before.protectionDays,
        maxExtensions: input.maxExtensions ?? before.maxExtensions,
        extensionDays: input.extensionDays ?? before.extensionDays,
        reviewSlaBusinessDays: input.reviewSlaBusinessDays ?? before.reviewSlaBusinessDays,
        minimumValueMinor: input.minimumValue !== undefined ? parseMoney(input.minimumValue, nextCurrency, 'minimumValue').amountMinor : before.minimumValueMinor,
        minimumValueCurrency: nextCurrency,
        allowHouseAccounts: input.allowHouseAccounts ?? before.allowHouseAccounts,
      });
      await repo.save(next);
      const after = toRules(next);
      await this.audit.record(em, ctx, { operation: 'updateDealRules', entityType: 'DealRules', entityId: programId, before: rulesSnapshot(before), after: rulesSnapshot(after) });
      return after;
    });
  }

  // ---- house accounts ----

  async houseAccounts(search: string | undefined, first: number, after?: string): Promise<Connection<HouseAccountEntity>> {
    const cursor = parseCursor(after, ['text', 'uuid']);
    const params: unknown[] = [];
    const where: string[] = ['true'];
    if (search) {
      params.push(`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(company_name) LIKE $${params.length} OR domain LIKE $${params.length})`);
    }
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(lower(company_name), id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, company_name, normalised_name, domain, country, notes, created_at FROM house_accounts
        WHERE ${where.join(' AND ')} ORDER BY lower(company_name), id LIMIT $${params.length}`,
      params,
    );
    return toConnection(rows.map(toHouseAccount), first, (h) => [h.companyName.toLowerCase(), h.id]);
  }

  async createHouseAccount(ctx: RequestContext, input: CreateHouseAccountInput): Promise<HouseAccountEntity> {
    const domain = this.domainOf(input.website, 'website');
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(HouseAccountEntity);
        const account = await repo.save(
          repo.create({
            companyName: input.companyName,
            normalisedName: normaliseCompanyName(input.companyName),
            domain,
            country: input.country ?? null,
            notes: input.notes ?? null,
          }),
        );
        await this.audit.record(em, ctx, { operation: 'createHouseAccount', entityType: 'HouseAccount', entityId: account.id, after: { ...account } });
        return account;
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'That domain is already a house account.', { website: ['This domain is already a house account.'] });
      throw err;
    }
  }

  async deleteHouseAccount(ctx: RequestContext, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(HouseAccountEntity);
      const account = await repo.findOneBy({ id });
      if (!account) throw new DomainError('NOT_FOUND', 'House account not found.');
      await repo.delete({ id });
      await this.audit.record(em, ctx, { operation: 'deleteHouseAccount', entityType: 'HouseAccount', entityId: id, before: { ...account }, after: null });
      return true;
    });
  }

  /**
   * CSV import: every row is validated first; with any error nothing is written unless the caller
   * chose to import the valid rows. A row whose domain is already a house account updates it.
   */
  async importHouseAccounts(ctx: RequestContext, csv: string, importValidRows: boolean): Promise<HouseAccountImportReport> {
    const rows = readCsv(csv, HOUSE_ACCOUNT_COLUMNS, MAX_IMPORT_ROWS);
    const errors: CsvRowError[] = [];
    const valid: { companyName: string; normalisedName: string; domain: string | null; country: string | null; notes: string | null }[] = [];
    const seenDomains = new Map<string, number>();
    rows.forEach(({ row, get }) => {
      const rowErrors: CsvRowError[] = [];
      const companyName = get('company_name');
      if (!companyName) rowErrors.push({ row, column: 'company_name', message: 'Company name is required.' });
      else if (companyName.length > 200) rowErrors.push({ row, column: 'company_name', message: 'At most 200 characters.' });
      const website = get('website');
      const domain = website ? normaliseDomain(website) : null;
      if (website && !domain) rowErrors.push({ row, column: 'website', message: `"${website.slice(0, 60)}" is not a web address or domain.` });
      if (domain) {
        const earlier = seenDomains.get(domain);
        if (earlier) rowErrors.push({ row, column: 'website', message: `Same domain as row ${earlier}.` });
        else seenDomains.set(domain, row);
      }
      const country = get('country').toUpperCase();
      if (country && !isISO31661Alpha2(country)) rowErrors.push({ row, column: 'country', message: 'Use a two-letter country code such as NL.' });
      const notes = get('notes');
      if (notes.length > 500) rowErrors.push({ row, column: 'notes', message: 'At most 500 characters.' });
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else valid.push({ companyName, normalisedName: normaliseCompanyName(companyName), domain, country: country || null, notes: notes || null });
    });
    const rejectedRows = new Set(errors.map((e) => e.row)).size;
    const report: HouseAccountImportReport = { rows: rows.length, imported: 0, updated: 0, rejected: rejectedRows, errors: errors.slice(0, 500), applied: false };
    if ((errors.length > 0 && !importValidRows) || valid.length === 0) return report;

    return this.dataSource.transaction(async (em) => {
      const rows: { inserted: boolean }[] = await em.query(
        `INSERT INTO house_accounts (company_name, normalised_name, domain, country, notes)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::char(2)[], $5::varchar[])
         ON CONFLICT (domain) DO UPDATE SET company_name = EXCLUDED.company_name, normalised_name = EXCLUDED.normalised_name,
           country = EXCLUDED.country, notes = EXCLUDED.notes
         RETURNING (xmax = 0) AS inserted`,
        [
          valid.map((v) => v.companyName),
          valid.map((v) => v.normalisedName),
          valid.map((v) => v.domain),
          valid.map((v) => v.country),
          valid.map((v) => v.notes),
        ],
      );
      const imported = rows.filter((r) => r.inserted).length;
      const result = { ...report, imported, updated: rows.length - imported, applied: true };
      await this.audit.record(em, ctx, {
        operation: 'importHouseAccounts',
        entityType: 'HouseAccount',
        entityId: 'import',
        after: { rows: result.rows, imported: result.imported, updated: result.updated, rejected: result.rejected },
      });
      return result;
    });
  }

  private domainOf(website: string | undefined, field: string): string | null {
    if (!website) return null;
    const domain = normaliseDomain(website);
    if (!domain) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { [field]: ['Enter a web address such as https://example.com.'] });
    return domain;
  }
}

function toRules(row: DealRulesEntity): DealRules {
  return {
    protectionDays: row.protectionDays,
    maxExtensions: row.maxExtensions,
    extensionDays: row.extensionDays,
    reviewSlaBusinessDays: row.reviewSlaBusinessDays,
    minimumValueMinor: BigInt(row.minimumValueMinor),
    minimumValueCurrency: row.minimumValueCurrency,
    allowHouseAccounts: row.allowHouseAccounts,
    reminderDays: DEFAULT_DEAL_RULES.reminderDays,
  };
}

function rulesSnapshot(rules: DealRules): Record<string, unknown> {
  return { ...rules, minimumValueMinor: rules.minimumValueMinor.toString(), reminderDays: [...rules.reminderDays] };
}

function snapshot(product: ProductEntity): Record<string, unknown> {
  return { ...product, listPriceMinor: product.listPriceMinor.toString() };
}

function toHouseAccount(row: Record<string, unknown>): HouseAccountEntity {
  return Object.assign(new HouseAccountEntity(), {
    id: row.id,
    companyName: row.company_name,
    normalisedName: row.normalised_name,
    domain: row.domain,
    country: row.country,
    notes: row.notes,
    createdAt: row.created_at,
  });
}
