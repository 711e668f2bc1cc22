import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A refresh-token session. Tokens rotate on every refresh; reuse of a rotated token revokes the family. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column('uuid') familyId: string;
  @Column('char') tokenHash: string;
  @Column('timestamptz') expiresAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) rotatedAt: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  @Column('varchar', { nullable: true }) userAgent: string | null;
  @Column('varchar', { nullable: true }) ip: string | null;
}
