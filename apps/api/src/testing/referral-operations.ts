// GraphQL documents of the referral operations (spread into DOCS), one per query and mutation.
const LINK_FIELDS = 'id organisationId code path active createdAt signupCount';
const SIGNUP_FIELDS = 'id organisationId prospectName prospectEmail company signedUpAt customerId customerName linkedAt';

export const REFERRAL_DOCS = {
  referralLink: `query($organisationId: ID) { referralLink(organisationId: $organisationId) { organisationId link { ${LINK_FIELDS} } } }`,
  referralSignups: `query($filter: ReferralSignupFilter, $first: Int = 25, $after: String) {
    referralSignups(filter: $filter, first: $first, after: $after) { edges { cursor node { ${SIGNUP_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  createReferralLink: `mutation { createReferralLink { ${LINK_FIELDS} } }`,
  linkReferralSignup: `mutation($input: LinkReferralSignupInput!) { linkReferralSignup(input: $input) { ${SIGNUP_FIELDS} } }`,
};
