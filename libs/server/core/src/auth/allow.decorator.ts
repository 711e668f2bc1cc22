import { SetMetadata } from '@nestjs/common';
import { ALL_ROLES, type Role } from '../context/roles';

export const ALLOW_KEY = 'prm:allow';

export type AllowRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * Declares who may call an operation. The global guard denies every operation without it,
 * and a test walks the schema to prove each query and mutation has one.
 */
export const Allow = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AllowRule>(ALLOW_KEY, { kind: 'roles', roles });

/** Any signed-in user or API key, whatever the role. */
export const AllowAuthenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AllowRule>(ALLOW_KEY, { kind: 'roles', roles: ALL_ROLES });

/** No sign-in needed (login, accepting an invitation, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata<string, AllowRule>(ALLOW_KEY, { kind: 'public' });
