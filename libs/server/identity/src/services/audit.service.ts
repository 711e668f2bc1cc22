import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext } from '@prm/server/core';
import type { EntityManager } from 'typeorm';
import type { FieldChanges } from '../entities/audit-entry.entity';

const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'secretHash', 'password']);

type Snapshot = Record<string, unknown> | null | undefined;

const normalise = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** Field-level before/after of two snapshots; secrets are never written to the log. */
export function diffSnapshots(before: Snapshot, after: Snapshot): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (SECRET_FIELDS.has(key) || key === 'updatedAt') continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

export interface AuditRecord {
  operation: string;
  entityType: string;
  entityId: string;
  before?: Snapshot;
  after?: Snapshot;
}

/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** `at` defaults to the app clock, so entries share one time source with the changes they record. */
  async record(em: EntityManager, ctx: RequestContext, record: AuditRecord, at: Date = this.clock.now()): Promise<void> {
    const changes = diffSnapshots(record.before, record.after);
    // An update that changed nothing is not an event worth keeping (creations and deletions always are).
    if (record.before && record.after && Object.keys(changes).length === 0) return;
    await em.query(
      `INSERT INTO audit_log (at, actor_user_id, actor_api_key_id, actor_organisation_id, operation, entity_type, entity_id, changes, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        at,
        ctx.actor?.userId ?? null,
        ctx.actor?.apiKeyId ?? null,
        ctx.actor?.organisationId ?? null,
        record.operation,
        record.entityType,
        record.entityId,
        JSON.stringify(changes),
        ctx.requestId,
      ],
    );
  }
}

export interface AuditQuery {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  operation?: string;
  from?: Date;
  to?: Date;
}
