import type { Role } from '@prm/server/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organisationId: string;
  @Column('text') role: Role;
  @Column('varchar') name: string;
  @Column('varchar') prefix: string;
  @Column('char', { select: false }) secretHash: string;
  @Column('uuid', { nullable: true }) createdByUserId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
}
