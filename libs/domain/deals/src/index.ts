export { addBusinessDays, addDays, daysLeft, dueReminder } from './business-time';
export { LEGAL_SUFFIXES, normaliseCompanyName } from './company-name';
export { isMatch, MATCH_THRESHOLD, NAME_SIMILARITY_THRESHOLD, scoreConflict } from './conflict-score';
export type { ConflictEvidence, ConflictReason, ConflictScore, ConflictSource } from './conflict-score';
export { canTransition, DEAL_ACTIONS, DEAL_STATUSES, isActive, isEditable, isFinal, nextDealStatus } from './deal-lifecycle';
export type { DealAction, DealStatus } from './deal-lifecycle';
export { assertMeetsMinimum, DEFAULT_DEAL_RULES, extendedProtectionEnd, firstYearValueMinor, protectionEndsAt, reviewDueAt } from './deal-rules';
export type { DealRules } from './deal-rules';
