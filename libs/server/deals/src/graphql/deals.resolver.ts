import { Args, ArgsType, Context, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError, isDomainError } from '@prm/domain/common';
import { daysLeft } from '@prm/domain/deals';
import {
  Allow,
  AllowAuthenticated,
  Clock,
  type Connection,
  Ctx,
  EntityId,
  IdArgs,
  loaderFor,
  groupByKeys,
  PageArgs,
  type PrmRequest,
  RequestContext,
  Role,
  Text,
  VENDOR_ROLES,
} from '@prm/server/core';
import { IdentityLoaders, OrganisationModel, toOrganisationModel } from '@prm/server/identity';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import type { DealRegistrationEntity } from '../entities/deals.entities';
import { DealRegistrationsService } from '../services/deal-registrations.service';
import { DealSetupService } from '../services/deal-setup.service';
import {
  CreateDealRegistrationInput,
  CreateHouseAccountInput,
  CreateProductInput,
  DealConflictCheckInput,
  DealRegistrationFilter,
  DealRulesInput,
  ImportHouseAccountsInput,
  MarkDealWonInput,
  UpdateDealRegistrationInput,
  UpdateProductInput,
} from './deals.inputs';
import { toConflictModel, toHouseAccountModel, toProductModel, toRegistrationModel, toRulesModel } from './deals.mappers';
import {
  DealConflictCheckModel,
  DealConflictModel,
  DealEventModel,
  DealProductLineModel,
  DealRegistrationConnection,
  DealRegistrationModel,
  DealRulesModel,
  HouseAccountConnection,
  HouseAccountImportReportModel,
  HouseAccountModel,
  ProductModel,
} from './deals.models';

const DECIDERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const PARTNER_USERS = [Role.PARTNER_ADMIN, Role.PARTNER_REP] as const;
const trimValue = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

@ArgsType()
export class ReasonArgs extends IdArgs {
  @Field(() => String, { description: 'Shown to the partner' }) @Text(1000)
  reason: string;
}

@ArgsType()
export class OptionalNoteArgs extends IdArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimValue) @IsString() @MaxLength(1000)
  note?: string;
}

@ArgsType()
export class DecideExtensionArgs extends OptionalNoteArgs {
  @Field(() => Boolean) @IsBoolean()
  approve: boolean;
}

@ArgsType()
export class HouseAccountsArgs extends PageArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimValue) @IsString() @MaxLength(100)
  search?: string;
}

@ArgsType()
export class ProgramIdArgs {
  @Field(() => ID) @EntityId()
  programId: string;
}

@ArgsType()
export class ProductsArgs {
  @Field(() => Boolean, { defaultValue: true }) @IsBoolean()
  activeOnly = true;
}

export const BULK_DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_INFO'] as const;

@ArgsType()
export class BulkDecisionArgs {
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'Not a valid id.' })
  ids: string[];

  @Field(() => String, { description: 'APPROVE, REJECT or REQUEST_INFO' }) @IsIn(BULK_DECISIONS, { message: 'Use APPROVE, REJECT or REQUEST_INFO.' })
  decision: (typeof BULK_DECISIONS)[number];

  @Field(() => String, { nullable: true, description: 'Required to reject or to request information' })
  @IsOptional() @Transform(trimValue) @IsString() @MaxLength(1000)
  reason?: string;
}

@ObjectType('BulkDecisionResult')
export class BulkDecisionResultModel {
  @Field(() => ID) id: string;
  @Field(() => Boolean) ok: boolean;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field(() => String, { nullable: true }) message: string | null;
}

@Resolver(() => DealRegistrationModel)
export class DealRegistrationsResolver {
  constructor(
    private readonly deals: DealRegistrationsService,
    private readonly setup: DealSetupService,
    private readonly identity: IdentityLoaders,
    private readonly clock: Clock,
  ) {}

  @Query(() => DealRegistrationConnection, { description: 'Partners: their organisation’s registrations. Vendor staff: all submitted ones (no drafts). Newest first.' })
  @AllowAuthenticated()
  async dealRegistrations(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => DealRegistrationFilter, nullable: true }) filter?: DealRegistrationFilter,
  ): Promise<Connection<DealRegistrationModel>> {
    return mapConnection(await this.deals.list(ctx, filter ?? {}, page.first, page.after, false));
  }

  @Query(() => DealRegistrationConnection, { description: 'Submitted registrations waiting for a decision, the earliest SLA due time first' })
  @Allow(...DECIDERS, Role.ANALYST)
  async dealReviewQueue(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => DealRegistrationFilter, nullable: true }) filter?: DealRegistrationFilter,
  ): Promise<Connection<DealRegistrationModel>> {
    return mapConnection(await this.deals.list(ctx, filter ?? {}, page.first, page.after, true));
  }

  @Query(() => DealRegistrationModel)
  @AllowAuthenticated()
  async dealRegistration(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.get(ctx, id));
  }

  @Query(() => [DealConflictModel], { description: 'Possible conflicts found at the last submission, side by side (vendor staff)' })
  @Allow(...VENDOR_ROLES)
  async dealConflicts(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<DealConflictModel[]> {
    return (await this.deals.conflicts(ctx, id)).map(toConflictModel);
  }

  @Query(() => DealConflictCheckModel, { description: 'Live duplicate check while typing. Partners see only their own earlier registrations.' })
  @AllowAuthenticated()
  async checkDealConflicts(@Ctx() ctx: RequestContext, @Args('input') input: DealConflictCheckInput): Promise<DealConflictCheckModel> {
    const result = await this.deals.checkConflicts(ctx, input);
    return { ...result, matches: result.matches.map(toConflictModel) };
  }

  @Mutation(() => DealRegistrationModel, { description: 'Register a deal (a draft, or submitted at once with submit: true)' })
  @Allow(...PARTNER_USERS)
  async createDealRegistration(@Ctx() ctx: RequestContext, @Args('input') input: CreateDealRegistrationInput): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.create(ctx, input));
  }

  @Mutation(() => DealRegistrationModel, { description: 'Edit a draft or a registration waiting for more information' })
  @Allow(...PARTNER_USERS)
  async updateDealRegistration(
    @Ctx() ctx: RequestContext,
    @Args() { id }: IdArgs,
    @Args('input') input: UpdateDealRegistrationInput,
  ): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.update(ctx, id, input));
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...PARTNER_USERS)
  async submitDealRegistration(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.submit(ctx, id));
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...PARTNER_USERS)
  async requestDealExtension(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.requestExtension(ctx, id, reason));
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...DECIDERS)
  async approveDealRegistration(@Ctx() ctx: RequestContext, @Args() { id, note }: OptionalNoteArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.approve(ctx, id, note));
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...DECIDERS)
  async rejectDealRegistration(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.reject(ctx, id, reason));
  }

  @Mutation(() => DealRegistrationModel, { description: 'Send back to the partner with a question' })
  @Allow(...DECIDERS)
  async requestDealInformation(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.requestInfo(ctx, id, reason));
  }

  @Mutation(() => [BulkDecisionResultModel], { description: 'Decide several registrations at once; each succeeds or fails on its own' })
  @Allow(...DECIDERS)
  async decideDealRegistrations(@Ctx() ctx: RequestContext, @Args() args: BulkDecisionArgs): Promise<BulkDecisionResultModel[]> {
    if (args.decision !== 'APPROVE' && !args.reason) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { reason: ['Give the partner a reason.'] });
    }
    const results: BulkDecisionResultModel[] = [];
    for (const id of [...new Set(args.ids)]) {
      try {
        if (args.decision === 'APPROVE') await this.deals.approve(ctx, id, args.reason);
        else if (args.decision === 'REJECT') await this.deals.reject(ctx, id, args.reason!);
        else await this.deals.requestInfo(ctx, id, args.reason!);
        results.push({ id, ok: true, code: null, message: null });
      } catch (err) {
        if (!isDomainError(err)) throw err;
        results.push({ id, ok: false, code: err.code, message: err.message });
      }
    }
    return results;
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...DECIDERS)
  async decideDealExtension(@Ctx() ctx: RequestContext, @Args() { id, approve, note }: DecideExtensionArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.decideExtension(ctx, id, approve, note));
  }

  @Mutation(() => DealRegistrationModel, { description: 'Record the win, with the actual values and close date' })
  @Allow(...PARTNER_USERS, ...DECIDERS)
  async markDealWon(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: MarkDealWonInput): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.markWon(ctx, id, input));
  }

  @Mutation(() => DealRegistrationModel)
  @Allow(...PARTNER_USERS, ...DECIDERS)
  async markDealLost(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<DealRegistrationModel> {
    return toRegistrationModel(await this.deals.markLost(ctx, id, reason));
  }

  @ResolveField('products', () => [DealProductLineModel])
  async products(@Parent() reg: DealRegistrationModel, @Context('req') req: PrmRequest): Promise<DealProductLineModel[]> {
    const loader = loaderFor(req, 'dealLines', async (ids: readonly string[]) => groupByKeys(ids, await this.deals.linesOf(ids), (l) => l.registrationId));
    return (await loader.load(reg.id)).map((l) => ({
      productId: l.productId,
      sku: l.product.sku,
      name: l.product.name,
      productLine: l.product.productLine,
      quantity: l.quantity,
    }));
  }

  @ResolveField('timeline', () => [DealEventModel], { description: 'Every transition, oldest first' })
  async timeline(@Parent() reg: DealRegistrationModel, @Context('req') req: PrmRequest): Promise<DealEventModel[]> {
    const loader = loaderFor(req, 'dealTimelines', async (ids: readonly string[]) => groupByKeys(ids, await this.deals.timelinesOf(ids), (e) => e.registrationId));
    return (await loader.load(reg.id)).map((e) => ({
      id: e.id,
      at: e.at,
      type: e.type,
      fromStatus: e.fromStatus as DealEventModel['fromStatus'],
      toStatus: e.toStatus as DealEventModel['toStatus'],
      note: e.note,
      actorName: e.actorName,
      actorSide: e.actorSide,
    }));
  }

  @ResolveField('organisation', () => OrganisationModel, { nullable: true })
  async organisation(@Parent() reg: DealRegistrationModel, @Context('req') req: PrmRequest): Promise<OrganisationModel | null> {
    const org = await this.identity.organisation(req).load(reg.organisationId);
    return org ? toOrganisationModel(org) : null;
  }

  @ResolveField('rules', () => DealRulesModel, { description: 'The program’s rules of engagement' })
  async rules(@Parent() reg: DealRegistrationModel, @Context('req') req: PrmRequest): Promise<DealRulesModel> {
    const loader = loaderFor(req, 'dealRules', (programIds: readonly string[]) => this.setup.rulesForMany(programIds));
    return toRulesModel(reg.programId, await loader.load(reg.programId));
  }

  @ResolveField('protectionDaysLeft', () => Int, { nullable: true, description: 'Whole days until the protection ends (approved registrations)' })
  protectionDaysLeft(@Parent() reg: DealRegistrationModel): number | null {
    return reg.status === 'APPROVED' && reg.protectionEndsAt ? daysLeft(reg.protectionEndsAt, this.clock.now()) : null;
  }

  @ResolveField('reviewOverdue', () => Boolean, { description: 'Submitted and past its review SLA' })
  reviewOverdue(@Parent() reg: DealRegistrationModel): boolean {
    return reg.status === 'SUBMITTED' && reg.reviewDueAt !== null && reg.reviewDueAt.getTime() < this.clock.now().getTime();
  }
}

@Resolver()
export class DealSetupResolver {
  constructor(private readonly setup: DealSetupService) {}

  @Query(() => [ProductModel], { description: 'The product catalogue' })
  @AllowAuthenticated()
  async products(@Args() { activeOnly }: ProductsArgs): Promise<ProductModel[]> {
    return (await this.setup.products(activeOnly)).map(toProductModel);
  }

  @Mutation(() => ProductModel)
  @Allow(Role.VENDOR_ADMIN)
  async createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput): Promise<ProductModel> {
    return toProductModel(await this.setup.createProduct(ctx, input));
  }

  @Mutation(() => ProductModel)
  @Allow(Role.VENDOR_ADMIN)
  async updateProduct(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: UpdateProductInput): Promise<ProductModel> {
    return toProductModel(await this.setup.updateProduct(ctx, id, input));
  }

  @Query(() => DealRulesModel, { description: 'Rules of engagement of a program (defaults when none were set)' })
  @AllowAuthenticated()
  async dealRules(@Args() { programId }: ProgramIdArgs): Promise<DealRulesModel> {
    return toRulesModel(programId, await this.setup.rulesOfProgram(programId));
  }

  @Mutation(() => DealRulesModel)
  @Allow(Role.VENDOR_ADMIN)
  async updateDealRules(@Ctx() ctx: RequestContext, @Args() { programId }: ProgramIdArgs, @Args('input') input: DealRulesInput): Promise<DealRulesModel> {
    return toRulesModel(programId, await this.setup.updateRules(ctx, programId, input));
  }

  @Query(() => HouseAccountConnection, { description: 'The vendor’s house accounts' })
  @Allow(...VENDOR_ROLES)
  async houseAccounts(@Args() args: HouseAccountsArgs): Promise<Connection<HouseAccountModel>> {
    const page = await this.setup.houseAccounts(args.search, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toHouseAccountModel(e.node) })) };
  }

  @Mutation(() => HouseAccountModel)
  @Allow(...DECIDERS)
  async createHouseAccount(@Ctx() ctx: RequestContext, @Args('input') input: CreateHouseAccountInput): Promise<HouseAccountModel> {
    return toHouseAccountModel(await this.setup.createHouseAccount(ctx, input));
  }

  @Mutation(() => Boolean)
  @Allow(...DECIDERS)
  deleteHouseAccount(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<boolean> {
    return this.setup.deleteHouseAccount(ctx, id);
  }

  @Mutation(() => HouseAccountImportReportModel, { description: 'CSV import; all or nothing unless importValidRows is true' })
  @Allow(...DECIDERS)
  importHouseAccounts(@Ctx() ctx: RequestContext, @Args('input') input: ImportHouseAccountsInput): Promise<HouseAccountImportReportModel> {
    return this.setup.importHouseAccounts(ctx, input.csv, input.importValidRows);
  }
}

function mapConnection(page: Connection<DealRegistrationEntity>): Connection<DealRegistrationModel> {
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toRegistrationModel(e.node) })) };
}
