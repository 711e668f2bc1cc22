import type { QualificationRule } from '@prm/domain/tiers';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('programs')
export class ProgramEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar') name: string;
  @Column('varchar') segment: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('boolean') active: boolean;
  @Column('integer') demotionGraceDays: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** Rates are percentages 0–100 kept as exact decimal strings (numeric(7,4)). */
@Entity('tiers')
export class TierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') programId: string;
  @Column('varchar') name: string;
  @Column('integer') rank: number;
  @Column('numeric') rebateRate: string;
  @Column('numeric') mdfAccrualRate: string;
  @Column('numeric') dealRegistrationDiscount: string;
  @Column('numeric') referralCommissionRate: string;
  @Column('numeric') mdfCofundingPct: string;
  @Column('jsonb') qualificationRules: QualificationRule[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('enrolments')
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('uuid') programId: string;
  @Column('uuid') tierId: string;
  @Column('timestamptz') enrolledAt: Date;
  @Column('timestamptz') tierSince: Date;
}

export type TierChangeKindValue = 'ENROLMENT' | 'PROMOTION' | 'DEMOTION' | 'OVERRIDE';
export type TierChangeStatusValue = 'PROPOSED' | 'APPLIED' | 'REJECTED' | 'CANCELLED';

/** Every tier change, proposed or applied, is kept: this is the tier history. */
@Entity('tier_changes')
export class TierChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') enrolmentId: string;
  @Column('uuid') organisationId: string;
  @Column('uuid') programId: string;
  @Column('uuid', { nullable: true }) fromTierId: string | null;
  @Column('uuid') toTierId: string;
  @Column('text') kind: TierChangeKindValue;
  @Column('text') status: TierChangeStatusValue;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('jsonb') metrics: Record<string, string>;
  @Column('timestamptz') proposedAt: Date;
  @Column('timestamptz', { nullable: true }) effectiveAfter: Date | null;
  @Column('uuid', { nullable: true }) decidedByUserId: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
}

@Entity('partner_metrics')
export class PartnerMetricEntity {
  @PrimaryColumn('uuid') organisationId: string;
  @PrimaryColumn('varchar') metric: string;
  @Column('numeric') value: string;
  @Column('timestamptz') asOf: Date;
  @Column('varchar') source: string;
}
