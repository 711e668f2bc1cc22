/** What a registration is compared with. */
export type ConflictSource = 'OTHER_PARTNER' | 'HOUSE_ACCOUNT' | 'OWN_REGISTRATION';

export type ConflictReason = 'SAME_DOMAIN' | 'SIMILAR_NAME' | 'SAME_NAME' | 'SAME_COUNTRY' | 'OTHER_COUNTRY';

export interface ConflictEvidence {
  /** Both have a normalised domain and they are equal. */
  sameDomain: boolean;
  /** pg_trgm similarity of the normalised company names, 0–1. */
  nameSimilarity: number;
  /** Null when either country is unknown. */
  sameCountry: boolean | null;
}

export interface ConflictScore {
  /** 0–100; a match is reported from MATCH_THRESHOLD up. */
  score: number;
  reasons: ConflictReason[];
}

/** Names at least this similar count as the same company (when the country does not say otherwise). */
export const NAME_SIMILARITY_THRESHOLD = 0.6;
export const MATCH_THRESHOLD = 60;

/**
 * Scores how likely two records describe the same end customer.
 * - The same domain is decisive (95, or 100 with the same country): one company, one web domain.
 * - Otherwise the name decides: the trigram similarity × 100, +5 in the same country.
 * - A similar name in another country, without the same domain, is not a match (score capped below
 *   the threshold): "Acme" in the Netherlands and "Acme" in Belgium are two companies until their
 *   domains say otherwise.
 */
export function scoreConflict(evidence: ConflictEvidence): ConflictScore {
  // NaN (e.g. a missing similarity parsed as a number) is no name evidence; the score must stay 0–100.
  const similarity = Number.isNaN(evidence.nameSimilarity) ? 0 : Math.max(0, Math.min(1, evidence.nameSimilarity));
  const reasons: ConflictReason[] = [];
  if (evidence.sameDomain) reasons.push('SAME_DOMAIN');
  if (similarity >= 0.999) reasons.push('SAME_NAME');
  else if (similarity >= NAME_SIMILARITY_THRESHOLD) reasons.push('SIMILAR_NAME');
  if (evidence.sameCountry === true) reasons.push('SAME_COUNTRY');
  if (evidence.sameCountry === false) reasons.push('OTHER_COUNTRY');

  let score: number;
  if (evidence.sameDomain) {
    score = evidence.sameCountry === false ? 90 : evidence.sameCountry === true ? 100 : 95;
  } else {
    const nameScore = Math.round(similarity * 100);
    if (similarity < NAME_SIMILARITY_THRESHOLD) score = Math.min(nameScore, MATCH_THRESHOLD - 1);
    else if (evidence.sameCountry === false) score = Math.min(nameScore, MATCH_THRESHOLD - 1);
    else score = Math.min(100, nameScore + (evidence.sameCountry === true ? 5 : 0));
  }
  return { score, reasons };
}

export function isMatch(result: ConflictScore): boolean {
  return result.score >= MATCH_THRESHOLD;
}
