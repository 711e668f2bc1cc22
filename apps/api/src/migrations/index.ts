import { InitialIdentityPrograms1764000000000 } from './1764000000000-initial-identity-programs';

/** Every migration, in order. New migrations are appended here (and reviewed, with a working down()). */
export const MIGRATIONS = [InitialIdentityPrograms1764000000000];
