/** What the API writes to the audit log today; the filters offer these. */
export const ENTITY_TYPES = ['Organisation', 'User', 'Invitation', 'ApiKey', 'Program', 'Tier', 'Enrolment', 'TierChange', 'PartnerMetric'] as const;

export const OPERATIONS = [
  'createPartner',
  'updatePartner',
  'inviteUser',
  'acceptInvitation',
  'revokeInvitation',
  'deactivateUser',
  'reactivateUser',
  'changePassword',
  'createApiKey',
  'revokeApiKey',
  'createProgram',
  'updateProgram',
  'createTier',
  'updateTier',
  'enrolPartner',
  'recordPartnerMetric',
  'proposeTierChange',
  'approveTierChange',
  'rejectTierChange',
  'cancelTierChange',
  'overrideTier',
] as const;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Before/after values arrive as JSON text; show strings bare, timestamps localised and objects compactly. */
export function displayJson(value: string | null, formatDateTime: (iso: string) => string): string {
  if (value === null) return '—';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return '—';
    if (typeof parsed === 'string') return ISO_DATE_TIME.test(parsed) ? formatDateTime(parsed) : parsed;
    return typeof parsed === 'object' ? JSON.stringify(parsed) : String(parsed);
  } catch {
    return value;
  }
}
