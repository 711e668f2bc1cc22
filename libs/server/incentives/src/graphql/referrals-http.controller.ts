import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Ctx, Public, RequestContext } from '@prm/server/core';
import { ReferralService } from '../services/referral.service';
import { ReferralSignupBody } from './referrals.graphql';

/** The public referral sign-up (no login): POST /api/referrals/<code>/signups, limited per address and hour. */
@Controller('api/referrals')
export class ReferralsHttpController {
  constructor(private readonly referrals: ReferralService) {}

  @Post(':code/signups')
  @Public()
  @HttpCode(201)
  async signUp(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() body: ReferralSignupBody): Promise<{ id: string }> {
    return this.referrals.signUp(String(code).slice(0, 64), body, ctx.ip);
  }
}
