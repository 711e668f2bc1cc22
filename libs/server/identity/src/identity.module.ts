import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@prm/server/core';
import { ApiKeyStrategy } from './auth/api-key.strategy';
import { AuthorizationGuard } from './auth/authorization.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { AuthResolver } from './graphql/auth.resolver';
import { IdentityLoaders } from './graphql/identity.loaders';
import { OrganisationsResolver } from './graphql/organisations.resolver';
import { PartnersExportController } from './graphql/partners-export.controller';
import { UsersResolver } from './graphql/users.resolver';
import { ApiKeysService } from './services/api-keys.service';
import { AuditLogService } from './services/audit-log.service';
import { AuditService } from './services/audit.service';
import { AuthService } from './services/auth.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { OrganisationsService } from './services/organisations.service';
import { PasswordService } from './services/password.service';
import { UsersService } from './services/users.service';

export const IDENTITY_ENTITIES = [OrganisationEntity, UserEntity, SessionEntity, InvitationEntity, ApiKeyEntity, AuditEntryEntity];

/** Identity: organisations, users, sessions, invitations, API keys, the audit log and the global authorization guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [PartnersExportController],
  providers: [
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    JwtStrategy,
    ApiKeyStrategy,
    AuditService,
    AuditLogService,
    PasswordService,
    LoginThrottleService,
    AuthService,
    UsersService,
    OrganisationsService,
    ApiKeysService,
    IdentityLoaders,
    AuthResolver,
    UsersResolver,
    OrganisationsResolver,
  ],
  exports: [AuditService, OrganisationsService, UsersService, PasswordService, AuthService, IdentityLoaders],
})
export class IdentityModule {}
