/** A partner that could receive a lead, as the routing rule sees it. */
export interface LeadCandidate {
  organisationId: string;
  name: string;
  country: string;
  programIds: readonly string[];
  /** Highest tier rank over the partner's enrolments (0 = entry tier). */
  tierRank: number;
  /** Leads assigned to it and not yet answered. */
  openLeads: number;
}

export interface LeadToRoute {
  country: string;
  programId: string | null;
  /** Partners that already had this lead (declined or let it lapse) are not chosen again. */
  excludedOrganisationIds: readonly string[];
}

/**
 * The assignment rule: partners in the lead's country (and program, when the lead names one), never
 * one that already had the lead; among them, weight = tier rank + 1, and the lead goes to the
 * highest weight ÷ (open leads + 1), so higher tiers get more leads but nobody is buried. Ties go
 * to fewer open leads, then name, then id: the same data always gives the same partner.
 */
export function routeLead(lead: LeadToRoute, candidates: readonly LeadCandidate[]): LeadCandidate | null {
  const excluded = new Set(lead.excludedOrganisationIds);
  const eligible = candidates.filter(
    (c) => c.country === lead.country && (lead.programId === null || c.programIds.includes(lead.programId)) && !excluded.has(c.organisationId),
  );
  let best: LeadCandidate | null = null;
  for (const c of eligible) {
    if (best === null || compareCandidates(c, best) < 0) best = c;
  }
  return best;
}

/** Negative when `a` should get the lead before `b`. Ratios are compared by cross-multiplying (exact). */
export function compareCandidates(a: LeadCandidate, b: LeadCandidate): number {
  const left = (a.tierRank + 1) * (b.openLeads + 1);
  const right = (b.tierRank + 1) * (a.openLeads + 1);
  if (left !== right) return right - left;
  if (a.openLeads !== b.openLeads) return a.openLeads - b.openLeads;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0;
}

const HOUR_MS = 3_600_000;

export function leadRespondBy(assignedAt: Date, responseHours: number): Date {
  return new Date(assignedAt.getTime() + responseHours * HOUR_MS);
}

/** Whole seconds from assignment to answer (the partner's response time). */
export function responseSeconds(assignedAt: Date, answeredAt: Date): number {
  return Math.max(0, Math.round((answeredAt.getTime() - assignedAt.getTime()) / 1000));
}
