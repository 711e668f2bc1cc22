import type { Role } from '@prm/server/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type UserStatusValue = 'ACTIVE' | 'DEACTIVATED';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('varchar') email: string;
  @Column('varchar') name: string;
  @Column('text') role: Role;
  @Column('text', { nullable: true, select: false }) passwordHash: string | null;
  @Column('text') status: UserStatusValue;
  @Column('timestamptz', { nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
