import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('timestamptz') at: Date;
  @Column('uuid', { nullable: true }) actorUserId: string | null;
  @Column('uuid', { nullable: true }) actorApiKeyId: string | null;
  @Column('uuid', { nullable: true }) actorOrganisationId: string | null;
  @Column('varchar') operation: string;
  @Column('varchar') entityType: string;
  @Column('varchar') entityId: string;
  @Column('jsonb') changes: FieldChanges;
  @Column('varchar', { nullable: true }) requestId: string | null;
}
