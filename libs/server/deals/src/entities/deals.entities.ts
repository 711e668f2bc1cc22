import type { DealStatus } from '@prm/domain/deals';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** bigint columns (minor units) come back from pg as strings; these read them as exact bigints. */
const bigintColumn = { type: 'bigint' as const, transformer: { to: (v: bigint | null) => (v === null || v === undefined ? v : v.toString()), from: (v: string | null) => (v === null ? null : BigInt(v)) } };

export type ProductPricingValue = 'RECURRING' | 'ONE_TIME';

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar') sku: string;
  @Column('varchar') name: string;
  @Column('varchar') productLine: string;
  @Column('text') pricing: ProductPricingValue;
  @Column(bigintColumn) listPriceMinor: bigint;
  @Column('char') currency: string;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('deal_rules')
export class DealRulesEntity {
  @PrimaryColumn('uuid') programId: string;
  @Column('integer') protectionDays: number;
  @Column('integer') maxExtensions: number;
  @Column('integer') extensionDays: number;
  @Column('integer') reviewSlaBusinessDays: number;
  @Column(bigintColumn) minimumValueMinor: bigint;
  @Column('char') minimumValueCurrency: string;
  @Column('boolean') allowHouseAccounts: boolean;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('house_accounts')
export class HouseAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar') companyName: string;
  @Column('varchar') normalisedName: string;
  @Column('varchar', { nullable: true }) domain: string | null;
  @Column('char', { nullable: true }) country: string | null;
  @Column('varchar', { nullable: true }) notes: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export type SalesStageValue = 'PROSPECTING' | 'QUALIFIED' | 'PROPOSAL' | 'NEGOTIATION' | 'COMMIT';

@Entity('deal_registrations')
export class DealRegistrationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) } }) number: number;
  @Column('uuid') organisationId: string;
  @Column('uuid') programId: string;
  @Column('uuid') registeredByUserId: string;
  @Column('text') status: DealStatus;
  @Column('varchar') customerName: string;
  @Column('varchar') customerNormalisedName: string;
  @Column('varchar', { nullable: true }) customerDomain: string | null;
  @Column('char') customerCountry: string;
  @Column('varchar', { nullable: true }) customerCity: string | null;
  @Column('varchar', { nullable: true }) contactName: string | null;
  @Column('varchar', { nullable: true }) contactEmail: string | null;
  @Column('varchar', { nullable: true }) contactPhone: string | null;
  @Column('char') currency: string;
  @Column(bigintColumn) estimatedMrrMinor: bigint;
  @Column(bigintColumn) estimatedOneTimeMinor: bigint;
  @Column('date') expectedCloseDate: string;
  @Column('text') salesStage: SalesStageValue;
  @Column('varchar', { nullable: true }) notes: string | null;
  @Column('boolean') fromVendorLead: boolean;
  @Column('boolean') possibleConflict: boolean;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) reviewDueAt: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @Column('uuid', { nullable: true }) decidedByUserId: string | null;
  @Column('varchar', { nullable: true }) decisionReason: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('timestamptz', { nullable: true }) protectionEndsAt: Date | null;
  @Column('integer') extensionsUsed: number;
  @Column('timestamptz', { nullable: true }) extensionRequestedAt: Date | null;
  @Column('varchar', { nullable: true }) extensionReason: string | null;
  @Column('int', { array: true }) remindersSent: number[];
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  @Column({ ...bigintColumn, nullable: true }) actualMrrMinor: bigint | null;
  @Column({ ...bigintColumn, nullable: true }) actualOneTimeMinor: bigint | null;
  @Column('date', { nullable: true }) actualCloseDate: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('deal_registration_products')
export class DealProductLineEntity {
  @PrimaryColumn('uuid') registrationId: string;
  @PrimaryColumn('uuid') productId: string;
  @Column('varchar', { nullable: true }) customerDomain: string | null;
  @Column('integer') quantity: number;
  @Column('boolean') protected: boolean;
}

export type DealEventType =
  | 'CREATED'
  | 'UPDATED'
  | 'SUBMITTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'INFO_REQUESTED'
  | 'WON'
  | 'LOST'
  | 'EXPIRED'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_APPROVED'
  | 'EXTENSION_DECLINED'
  | 'REMINDER_SENT';

@Entity('deal_events')
export class DealEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid') registrationId: string;
  @Column('timestamptz') at: Date;
  @Column('uuid', { nullable: true }) actorUserId: string | null;
  @Column('text') type: DealEventType;
  @Column('text', { nullable: true }) fromStatus: DealStatus | null;
  @Column('text', { nullable: true }) toStatus: DealStatus | null;
  @Column('varchar', { nullable: true }) note: string | null;
  @Column('jsonb') data: Record<string, unknown>;
}

export type ConflictSourceValue = 'OTHER_PARTNER' | 'HOUSE_ACCOUNT' | 'OWN_REGISTRATION';

@Entity('deal_conflicts')
export class DealConflictEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') registrationId: string;
  @Column('text') source: ConflictSourceValue;
  @Column('uuid', { nullable: true }) matchedRegistrationId: string | null;
  @Column('uuid', { nullable: true }) matchedHouseAccountId: string | null;
  @Column('integer') score: number;
  @Column('text', { array: true }) reasons: string[];
  @Column('numeric') nameSimilarity: string;
  @Column('timestamptz') detectedAt: Date;
}

export const DEAL_ENTITIES = [
  ProductEntity,
  DealRulesEntity,
  HouseAccountEntity,
  DealRegistrationEntity,
  DealProductLineEntity,
  DealEventEntity,
  DealConflictEntity,
];
