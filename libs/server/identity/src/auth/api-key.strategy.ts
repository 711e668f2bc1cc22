import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { type Actor, Clock } from '@prm/server/core';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { DataSource } from 'typeorm';
import { sameHash, sha256 } from '../services/tokens';

export const API_KEY_PATTERN = /^prm_([a-z0-9]{12})_([A-Za-z0-9_-]{20,100})$/;

export function apiKeyFrom(req: Request): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const auth = req.headers.authorization;
  if (auth?.startsWith('ApiKey ')) return auth.slice(7).trim();
  return null;
}

/** Machine clients: `X-Api-Key: prm_<prefix>_<secret>`; the secret is compared by hash, in constant time. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  async validate(req: Request): Promise<Actor | false> {
    const match = API_KEY_PATTERN.exec(apiKeyFrom(req) ?? '');
    if (!match) return false;
    const rows: { id: string; role: Actor['role']; organisation_id: string; secret_hash: string; last_used_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT k.id, k.role, k.organisation_id, k.secret_hash, k.last_used_at FROM api_keys k
           JOIN organisations o ON o.id = k.organisation_id
          WHERE k.prefix = $1 AND k.revoked_at IS NULL AND o.status = 'ACTIVE'`,
        [match[1]],
      );
    const key = rows[0];
    if (!key || !sameHash(key.secret_hash, sha256(match[2]))) return false;
    const now = this.clock.now();
    if (!key.last_used_at || now.getTime() - new Date(key.last_used_at).getTime() > 60_000) {
      await this.dataSource.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [key.id, now]);
    }
    return { userId: null, apiKeyId: key.id, role: key.role, organisationId: key.organisation_id, email: null };
  }
}
