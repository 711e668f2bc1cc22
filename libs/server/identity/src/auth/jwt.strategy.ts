import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { type Actor, AppConfig } from '@prm/server/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { AccessTokenClaims } from '../services/auth.service';

/**
 * Bearer access tokens. The user and organisation are re-checked on every request (one indexed
 * lookup), so deactivating a user or suspending a partner takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: jsonwebtoken otherwise first tries (and fails) to parse the string
      // as a public key on every request, which cost ~0.3 ms of CPU per request (docs/performance.md).
      // (passport-jwt's types say string | Buffer; jsonwebtoken accepts a KeyObject.)
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const rows: { id: string; email: string; role: Actor['role']; organisation_id: string }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.organisation_id FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.status = 'ACTIVE' AND o.status = 'ACTIVE'`,
      [claims.sub],
    );
    const user = rows[0];
    if (!user) return false;
    return { userId: user.id, apiKeyId: null, role: user.role, organisationId: user.organisation_id, email: user.email };
  }
}
