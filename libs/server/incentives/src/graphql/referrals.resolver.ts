import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, type Connection, Ctx, RequestContext, Role } from '@prm/server/core';
import { type ReferralLinkRow, ReferralService, type ReferralSignupRow } from '../services/referral.service';
import { LinkReferralSignupInput, ReferralLinkArgs, ReferralLinkModel, ReferralLinkStatusModel, ReferralSignupConnection, ReferralSignupModel, ReferralSignupsArgs } from './referrals.graphql';

const VENDOR_STAFF = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER, Role.ANALYST] as const;

export const toReferralLinkModel = (l: ReferralLinkRow): ReferralLinkModel => ({ ...l, path: `/r/${l.code}` });
const toSignupModel = (s: ReferralSignupRow): ReferralSignupModel => ({
  id: s.id,
  organisationId: s.organisationId,
  organisationName: s.organisationName,
  prospectName: s.prospectName,
  prospectEmail: s.prospectEmail,
  company: s.company,
  signedUpAt: s.signedUpAt,
  customerId: s.customerId,
  customerName: s.customerName,
  linkedAt: s.linkedAt,
});

/** Referral links (a partner admin's own), the sign-ups made through them, and linking a sign-up to the customer it became. */
@Resolver(() => ReferralLinkModel)
export class ReferralResolver {
  constructor(private readonly referrals: ReferralService) {}

  @Query(() => ReferralLinkStatusModel, { description: 'The partner’s active referral link, if any (partners: their own; vendor staff name the partner)' })
  @Allow(Role.PARTNER_ADMIN, ...VENDOR_STAFF)
  async referralLink(@Ctx() ctx: RequestContext, @Args() { organisationId }: ReferralLinkArgs): Promise<ReferralLinkStatusModel> {
    const { organisationId: org, link } = await this.referrals.linkStatus(ctx, organisationId);
    return { organisationId: org, link: link ? toReferralLinkModel(link) : null };
  }

  @Mutation(() => ReferralLinkModel, { description: 'The caller’s organisation’s referral link, created on first use' })
  @Allow(Role.PARTNER_ADMIN)
  async createReferralLink(@Ctx() ctx: RequestContext): Promise<ReferralLinkModel> {
    return toReferralLinkModel(await this.referrals.createLink(ctx));
  }

  @Query(() => ReferralSignupConnection, { description: 'Sign-ups through referral links, newest first (partners: their own)' })
  @Allow(Role.PARTNER_ADMIN, ...VENDOR_STAFF)
  async referralSignups(@Ctx() ctx: RequestContext, @Args() { first, after, filter }: ReferralSignupsArgs): Promise<Connection<ReferralSignupModel>> {
    const page = await this.referrals.signups(ctx, filter ?? {}, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toSignupModel(e.node) })) };
  }

  @Mutation(() => ReferralSignupModel, { description: 'Links a sign-up to the revenue customer it became: its MRR becomes commissionable for the referring partner' })
  @Allow(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER)
  async linkReferralSignup(@Ctx() ctx: RequestContext, @Args('input') input: LinkReferralSignupInput): Promise<ReferralSignupModel> {
    return toSignupModel(await this.referrals.linkSignup(ctx, input.signupId, input.customerId));
  }
}
