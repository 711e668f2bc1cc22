/**
 * Settings of every database session. `pg_trgm.similarity_threshold` is the name threshold of deal
 * conflict detection (NAME_SIMILARITY_THRESHOLD in @prm/domain/deals; a test checks they agree), so
 * trigram `%` only returns candidates that can score a match.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = { 'pg_trgm.similarity_threshold': '0.6' };
