import type { Role } from '@prm/server/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('varchar') email: string;
  @Column('varchar', { nullable: true }) name: string | null;
  @Column('text') role: Role;
  @Column('char') tokenHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('uuid', { nullable: true }) invitedByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
