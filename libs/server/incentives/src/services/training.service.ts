import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { type Certification, certificationExpiresOn, certificationsExpiring, certifiedPeopleCount } from '@prm/domain/incentives';
import { isIsoDate } from '@prm/domain/revenue';
import { type Connection, type CsvRowError, JobsService, parseCursor, pgCode, readCsv, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, UsersService } from '@prm/server/identity';
import { NotificationsService } from '@prm/server/notifications';
import { ProgramsService } from '@prm/server/programs';
import type { EntityManager } from 'typeorm';
import { nudgeAccrual } from './activities.service';
import { IncentivesStore } from './incentives-store.service';

export interface CourseRow {
  id: string;
  name: string;
  validityMonths: number | null;
  certification: boolean;
  active: boolean;
  createdAt: Date;
}

export interface CompletionRow {
  id: string;
  organisationId: string;
  userId: string;
  courseId: string;
  completedOn: string;
  evidenceUrl: string | null;
  source: 'MANUAL' | 'IMPORT';
  externalId: string | null;
  createdAt: Date;
}

export interface CourseData {
  name: string;
  validityMonths?: number | null;
  certification: boolean;
  active?: boolean | null;
}

export interface RecordCompletionData {
  courseId: string;
  completedOn: string;
  evidenceUrl?: string | null;
  /** Partner admins: a colleague; reps: themselves only (the default). */
  userId?: string | null;
}

export interface CompletionFilter {
  organisationId?: string | null;
  userId?: string | null;
  courseId?: string | null;
  /** Only completions of certification courses. */
  certificationsOnly?: boolean | null;
}

export interface CompletionImportReport {
  rows: number;
  applied: number;
  duplicates: number;
  errors: CsvRowError[];
}

export interface CertifiedPeople {
  organisationId: string;
  count: number;
  asOf: string;
}

/** Reminders go out this many days before a certification expires (each once per completion). */
export const CERTIFICATION_REMINDER_DAYS = [30, 7] as const;
/** Daily: certified-people counts for tier qualification, and reminders before certifications expire. */
export const TRAINING_DAILY_JOB = 'training-certifications';
export const TRAINING_DAILY_CRON = '10 3 * * *';
export const MAX_COMPLETION_IMPORT_ROWS = 5000;
const COMPLETION_CSV = { required: ['external_id', 'email', 'course_id', 'completed_on'], optional: ['evidence_url'] } as const;

const COURSE_COLUMNS = `c.id, c.name, c.validity_months AS "validityMonths", c.certification, c.active, c.created_at AS "createdAt"`;
const COMPLETION_COLUMNS = `k.id, k.organisation_id AS "organisationId", k.user_id AS "userId", k.course_id AS "courseId", to_char(k.completed_on, 'YYYY-MM-DD') AS "completedOn",
  k.evidence_url AS "evidenceUrl", k.source, k.external_id AS "externalId", k.created_at AS "createdAt"`;

const toCourse = (r: Record<string, unknown>): CourseRow => ({ ...(r as unknown as CourseRow), validityMonths: r['validityMonths'] === null ? null : Number(r['validityMonths']) });

/**
 * Training incentives' facts: the course catalogue, completions recorded by partner users or imported
 * from a learning system (idempotent by external id, all or nothing), certifications and their expiry,
 * certified-people counts for tier qualification and reminders before a certification lapses.
 */
@Injectable()
export class TrainingService implements OnModuleInit {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly programs: ProgramsService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(TRAINING_DAILY_JOB, async () => void (await this.daily()), { cron: TRAINING_DAILY_CRON });
  }

  today(): string {
    return this.store.today();
  }

  // ---- catalogue ----

  async courses(includeInactive: boolean): Promise<CourseRow[]> {
    const rows = await this.store.dataSource.query(`SELECT ${COURSE_COLUMNS} FROM training_courses c ${includeInactive ? '' : 'WHERE c.active'} ORDER BY c.name, c.id`);
    return rows.map(toCourse);
  }

  async course(id: string, em?: EntityManager): Promise<CourseRow> {
    const [row] = await this.store.q(em).query(`SELECT ${COURSE_COLUMNS} FROM training_courses c WHERE c.id = $1`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', 'Course not found.');
    return toCourse(row);
  }

  async coursesByIds(ids: readonly string[]): Promise<CourseRow[]> {
    if (ids.length === 0) return [];
    return (await this.store.dataSource.query(`SELECT ${COURSE_COLUMNS} FROM training_courses c WHERE c.id = ANY($1::uuid[])`, [ids])).map(toCourse);
  }

  async createCourse(ctx: RequestContext, data: CourseData): Promise<CourseRow> {
    this.checkCourse(data);
    return this.writeCourse(async (em) => {
      const [row] = await em.query(
        `INSERT INTO training_courses (name, validity_months, certification, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
        [data.name, data.validityMonths ?? null, data.certification, data.active ?? true, this.store.now()],
      );
      const id = (row as { id: string }).id;
      await this.audit.record(em, ctx, { operation: 'createCourse', entityType: 'Course', entityId: id, before: null, after: { ...data } });
      return this.course(id, em);
    });
  }

  async updateCourse(ctx: RequestContext, id: string, data: CourseData): Promise<CourseRow> {
    this.checkCourse(data);
    return this.writeCourse(async (em) => {
      const [row] = await em.query(`SELECT ${COURSE_COLUMNS} FROM training_courses c WHERE c.id = $1 FOR UPDATE`, [id]);
      if (!row) throw new DomainError('NOT_FOUND', 'Course not found.');
      const before = toCourse(row);
      await em.query(`UPDATE training_courses SET name = $2, validity_months = $3, certification = $4, active = $5, updated_at = $6 WHERE id = $1`, [
        id,
        data.name,
        data.validityMonths ?? null,
        data.certification,
        data.active ?? before.active,
        this.store.now(),
      ]);
      const after = await this.course(id, em);
      const snapshot = (c: CourseRow) => ({ name: c.name, validityMonths: c.validityMonths, certification: c.certification, active: c.active });
      await this.audit.record(em, ctx, { operation: 'updateCourse', entityType: 'Course', entityId: id, before: snapshot(before), after: snapshot(after) });
      return after;
    });
  }

  private checkCourse(data: CourseData): void {
    if (!data.certification && data.validityMonths !== null && data.validityMonths !== undefined) {
      throw new DomainError('BAD_USER_INPUT', 'The course is not valid.', { validityMonths: ['Only a certification has a validity; leave it empty for a course.'] });
    }
  }

  private async writeCourse<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.store.write(fn);
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('BAD_USER_INPUT', 'The course is not valid.', { name: ['Another course has this name.'] });
      throw err;
    }
  }

  // ---- completions ----

  async completion(ctx: RequestContext, id: string, em?: EntityManager): Promise<CompletionRow> {
    const scope = this.store.beneficiaryScope(ctx, 'k', 1);
    const [row] = await this.store.q(em).query(`SELECT ${COMPLETION_COLUMNS} FROM training_completions k WHERE k.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
    if (!row) throw new DomainError('NOT_FOUND', 'Course completion not found.');
    return row as CompletionRow;
  }

  async completions(ctx: RequestContext, filter: CompletionFilter, first: number, after?: string): Promise<Connection<CompletionRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    const cursor = parseCursor(after, ['text', 'uuid']);
    // The first value is a completion date: a forged one is refused here, not in SQL.
    if (cursor && !isIsoDate(cursor[0])) throw new DomainError('BAD_USER_INPUT', 'The cursor is not valid.', { after: ['The cursor is not valid.'] });
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.beneficiaryScope(ctx, 'k', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.organisationId) where.push(`k.organisation_id = ${p(filter.organisationId)}`);
    if (filter.userId) where.push(`k.user_id = ${p(filter.userId)}`);
    if (filter.courseId) where.push(`k.course_id = ${p(filter.courseId)}`);
    if (filter.certificationsOnly) where.push(`k.course_id IN (SELECT id FROM training_courses WHERE certification)`);
    if (cursor) where.push(`(k.completed_on, k.id) < (${p(cursor[0])}::date, ${p(cursor[1])}::uuid)`);
    const rows: CompletionRow[] = await this.store.dataSource.query(
      `SELECT ${COMPLETION_COLUMNS} FROM training_completions k WHERE ${where.join(' AND ')} ORDER BY k.completed_on DESC, k.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows, first, (r) => [r.completedOn, r.id]);
  }

  /** A partner user records a completion: their own, or (partner admins) a colleague's. */
  async record(ctx: RequestContext, data: RecordCompletionData): Promise<CompletionRow> {
    const actor = ctx.requireActor();
    const org = ctx.partnerScope;
    if (!org) throw new DomainError('FORBIDDEN', 'Completions are recorded by partner users or imported.');
    let userId = data.userId ?? actor.userId;
    if (!userId) throw new DomainError('BAD_USER_INPUT', 'The completion is not valid.', { userId: ['Name the person who completed the course.'] });
    if (userId !== actor.userId) {
      if (!ctx.hasRole(Role.PARTNER_ADMIN)) throw new DomainError('NOT_FOUND', 'User not found.');
      userId = (await this.users.get(ctx, userId)).id;
    }
    const course = await this.course(data.courseId);
    const errors = new FieldErrorCollector();
    if (!course.active) errors.add('courseId', 'This course is no longer in the catalogue.');
    if (data.completedOn > this.store.today()) errors.add('completedOn', 'A completion cannot be in the future.');
    errors.throwIfAny('The completion is not valid.');
    try {
      return await this.store.write(async (em) => {
        const [row] = await em.query(
          `INSERT INTO training_completions (organisation_id, user_id, course_id, completed_on, evidence_url, source, recorded_by_user_id, created_at)
           VALUES ($1, $2, $3, $4, $5, 'MANUAL', $6, $7) RETURNING id`,
          [org, userId, course.id, data.completedOn, data.evidenceUrl ?? null, actor.userId, this.store.now()],
        );
        const id = (row as { id: string }).id;
        await this.audit.record(em, ctx, { operation: 'recordCourseCompletion', entityType: 'CourseCompletion', entityId: id, before: null, after: { userId, courseId: course.id, completedOn: data.completedOn } });
        return this.completion(RequestContext.system(), id, em);
      }).then(async (row) => {
      await nudgeAccrual(this.store, this.jobs, 'TRAINING');
      return row;
    });
    } catch (err) {
      if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'This completion is already recorded for that day.');
      throw err;
    }
  }

  /**
   * CSV from a learning system: external_id, email, course_id, completed_on[, evidence_url]. All or
   * nothing: one bad row and nothing is applied (every bad row reported with its line and column). A
   * row whose external id is already recorded is a duplicate and changes nothing, so a repeated import
   * is harmless.
   */
  async importCsv(ctx: RequestContext, csv: string): Promise<CompletionImportReport> {
    const rows = readCsv(csv, COMPLETION_CSV, MAX_COMPLETION_IMPORT_ROWS);
    const report: CompletionImportReport = { rows: rows.length, applied: 0, duplicates: 0, errors: [] };
    const err = (row: number, column: string, message: string): void => void report.errors.push({ row, column, message });
    const people = new Map((await this.users.byEmails(rows.map((r) => r.get('email')).filter((e) => e !== ''))).map((u) => [u.email.toLowerCase(), u]));
    const uuids = rows.map((r) => r.get('course_id')).filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    const courses = new Map((await this.coursesByIds([...new Set(uuids)])).map((c) => [c.id, c]));
    const organisations = new Map<string, string>();
    const seen = new Map<string, number>();
    const today = this.store.today();
    const valid: { row: number; externalId: string; userId: string; organisationId: string; courseId: string; completedOn: string; evidenceUrl: string | null }[] = [];
    for (const row of rows) {
      const before = report.errors.length;
      const externalId = row.get('external_id');
      if (!externalId) err(row.row, 'external_id', 'Give the learning system’s id of the completion.');
      else if (externalId.length > 200) err(row.row, 'external_id', 'At most 200 characters.');
      else if (seen.has(externalId)) err(row.row, 'external_id', `Row ${seen.get(externalId)} has the same id.`);
      else seen.set(externalId, row.row);
      const email = row.get('email');
      const user = people.get(email.toLowerCase());
      if (!email) err(row.row, 'email', 'Give the e-mail address of the person who completed the course.');
      else if (!user || (user.role !== Role.PARTNER_ADMIN && user.role !== Role.PARTNER_REP)) err(row.row, 'email', `No partner user has the address ${email}.`);
      const course = courses.get(row.get('course_id'));
      if (!course) err(row.row, 'course_id', 'Unknown course id.');
      const completedOn = row.get('completed_on');
      if (!isIsoDate(completedOn)) err(row.row, 'completed_on', 'Enter a date as YYYY-MM-DD.');
      else if (completedOn > today) err(row.row, 'completed_on', 'A completion cannot be in the future.');
      const evidenceUrl = row.get('evidence_url') || null;
      if (evidenceUrl && !/^https?:\/\/\S{1,490}$/.test(evidenceUrl)) err(row.row, 'evidence_url', 'Enter a web address starting with https://.');
      if (report.errors.length > before || !user || !course) continue;
      organisations.set(user.id, user.organisationId);
      valid.push({ row: row.row, externalId, userId: user.id, organisationId: user.organisationId, courseId: course.id, completedOn, evidenceUrl });
    }
    if (report.errors.length > 0) return { ...report, errors: report.errors.sort((a, b) => a.row - b.row) };
    const rollback = new Error('rollback');
    try {
      await this.store.write(async (em) => {
        for (const v of valid) {
          await em.query('SAVEPOINT completion_row');
          try {
            const inserted: unknown[] = await em.query(
              `INSERT INTO training_completions (organisation_id, user_id, course_id, completed_on, evidence_url, source, external_id, recorded_by_user_id, created_at)
               VALUES ($1, $2, $3, $4, $5, 'IMPORT', $6, $7, $8) ON CONFLICT (external_id) DO NOTHING RETURNING id`,
              [v.organisationId, v.userId, v.courseId, v.completedOn, v.evidenceUrl, v.externalId, ctx.actor?.userId ?? null, this.store.now()],
            );
            await em.query('RELEASE SAVEPOINT completion_row');
            if (inserted.length === 0) report.duplicates += 1;
            else report.applied += 1;
          } catch (e) {
            await em.query('ROLLBACK TO SAVEPOINT completion_row');
            if (pgCode(e) !== '23505') throw e;
            err(v.row, 'completed_on', 'This person’s completion of this course on this day is already recorded under another id.');
          }
        }
        if (report.errors.length > 0) throw rollback;
        await this.audit.record(em, ctx, {
          operation: 'importCourseCompletions',
          entityType: 'CourseCompletionImport',
          entityId: randomUUID(),
          before: null,
          after: { rows: report.rows, applied: report.applied, duplicates: report.duplicates },
        });
      });
    } catch (e) {
      if (e !== rollback) throw e;
      return { ...report, applied: 0, duplicates: 0, errors: report.errors.sort((a, b) => a.row - b.row) };
    }
    if (report.applied > 0) await nudgeAccrual(this.store, this.jobs, 'TRAINING');
    return report;
  }

  /** Completions of the given courses in [from, to] (system read for accrual). */
  async completedBetween(courseIds: readonly string[], from: string, to: string): Promise<CompletionRow[]> {
    if (courseIds.length === 0) return [];
    return this.store.dataSource.query(
      `SELECT ${COMPLETION_COLUMNS} FROM training_completions k WHERE k.course_id = ANY($1::uuid[]) AND k.completed_on BETWEEN $2 AND $3 ORDER BY k.completed_on, k.id`,
      [courseIds, from, to],
    );
  }

  // ---- certifications ----

  expiresOn(completion: CompletionRow, course: CourseRow | undefined): string | null {
    if (!course || !course.certification) return null;
    return certificationExpiresOn(completion.completedOn, course.validityMonths);
  }

  /** People holding a valid certification today, per organisation (partners: their own only). */
  async certifiedPeople(ctx: RequestContext, organisationIds?: readonly string[] | null): Promise<CertifiedPeople[]> {
    const scope = ctx.partnerScope;
    if (scope && organisationIds?.some((id) => id !== scope)) throw new DomainError('NOT_FOUND', 'Organisation not found.');
    const orgs = scope ? [scope] : (organisationIds ?? null);
    const certs = await this.certificationsOf(orgs);
    const today = this.store.today();
    const byOrg = new Map<string, Certification[]>();
    for (const org of orgs ?? []) byOrg.set(org, []);
    for (const c of certs) byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), c]);
    return [...byOrg.entries()].map(([organisationId, list]) => ({ organisationId, count: certifiedPeopleCount(list, today), asOf: today })).sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
  }

  private async certificationsOf(organisationIds: readonly string[] | null): Promise<(Certification & { organisationId: string })[]> {
    const rows: { id: string; organisation_id: string; user_id: string; course_id: string; completed_on: string; validity_months: number | null }[] = await this.store.dataSource.query(
      `SELECT k.id, k.organisation_id, k.user_id, k.course_id, to_char(k.completed_on, 'YYYY-MM-DD') AS completed_on, c.validity_months
         FROM training_completions k JOIN training_courses c ON c.id = k.course_id
        WHERE c.certification ${organisationIds ? 'AND k.organisation_id = ANY($1::uuid[])' : ''}`,
      organisationIds ? [organisationIds] : [],
    );
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      personId: r.user_id,
      courseId: r.course_id,
      completedOn: r.completed_on,
      validityMonths: r.validity_months === null ? null : Number(r.validity_months),
    }));
  }

  /**
   * The daily run: certified-people counts stored for tier qualification (metric CERTIFIED_PEOPLE), and
   * a reminder to the person and their partner admins 30 and 7 days before a certification expires
   * (once each; a renewal in time stops them). Returns the reminders sent.
   */
  async daily(): Promise<number> {
    const ctx = RequestContext.system('system:certifications');
    const certs = await this.certificationsOf(null);
    const today = this.store.today();
    const byOrg = new Map<string, Certification[]>();
    for (const c of certs) byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), c]);
    await this.programs.storeMetrics(
      [...byOrg.entries()].map(([organisationId, list]) => ({ organisationId, metric: 'CERTIFIED_PEOPLE', value: String(certifiedPeopleCount(list, today)) })),
      'training',
    );
    const orgOf = new Map(certs.map((c) => [c.id, c.organisationId]));
    const courseNames = new Map((await this.coursesByIds([...new Set(certs.map((c) => c.courseId))])).map((c) => [c.id, c.name]));
    let sent = 0;
    for (const item of certificationsExpiring(certs, today, Math.max(...CERTIFICATION_REMINDER_DAYS))) {
      const due = CERTIFICATION_REMINDER_DAYS.filter((d) => item.daysLeft <= d);
      const organisationId = orgOf.get(item.certification.id) as string;
      const admins = (await this.users.byIds(RequestContext.system(), await this.users.activeUserIdsOf(organisationId))).filter((u) => u.role === Role.PARTNER_ADMIN).map((u) => u.id);
      const done = await this.store.write(async (em) => {
        const rows: unknown[] = await em.query(
          `INSERT INTO training_certification_reminders (completion_id, days_before, sent_at) SELECT $1, unnest($2::int[]), $3 ON CONFLICT DO NOTHING RETURNING days_before`,
          [item.certification.id, due, this.store.now()],
        );
        if (rows.length === 0) return false;
        const name = courseNames.get(item.certification.courseId) ?? 'A certification';
        await this.notifications.notify(em, [item.certification.personId, ...admins], {
          type: 'CERTIFICATION_EXPIRING',
          title: `${name} certification expires on ${item.expiresOn}`,
          body: 'Renew the certification before it expires: certified people count towards your partner tier.',
          entityType: 'CourseCompletion',
          entityId: item.certification.id,
        });
        await this.audit.record(em, ctx, { operation: 'remindCertificationExpiry', entityType: 'CourseCompletion', entityId: item.certification.id, before: null, after: { daysLeft: item.daysLeft } });
        return true;
      });
      if (done) sent += 1;
    }
    return sent;
  }
}
