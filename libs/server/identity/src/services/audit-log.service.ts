import { Injectable } from '@nestjs/common';
import { type Connection, parseCursor, toConnection } from '@prm/server/core';
import { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';
import type { AuditQuery } from './audit.service';

/** Browsing the audit log (vendor admins), newest first. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditQuery, first: number, after?: string): Promise<Connection<AuditEntryEntity>> {
    const cursor = parseCursor(after, ['bigint']);
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.actorUserId) qb.andWhere('a.actorUserId = :actor', { actor: filter.actorUserId });
    if (filter.entityType) qb.andWhere('a.entityType = :type', { type: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :eid', { eid: filter.entityId });
    if (filter.operation) qb.andWhere('a.operation = :op', { op: filter.operation });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    if (cursor) qb.andWhere('a.id < :cursor', { cursor: String(cursor[0]) });
    const rows = await qb.orderBy('a.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (a) => [a.id]);
  }
}
