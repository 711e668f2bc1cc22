import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OrgKind = 'VENDOR' | 'PARTNER';
export type OrgStatus = 'ACTIVE' | 'SUSPENDED';
export type LanguageCode = 'en' | 'nl';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: OrgKind;
  @Column('varchar') name: string;
  @Column('varchar', { nullable: true }) legalName: string | null;
  @Column('char') country: string;
  @Column('varchar', { nullable: true }) city: string | null;
  @Column('varchar', { nullable: true }) website: string | null;
  @Column('varchar', { nullable: true }) domain: string | null;
  @Column('varchar', { nullable: true }) vatNumber: string | null;
  @Column('varchar', { nullable: true }) segment: string | null;
  @Column('text') preferredLanguage: LanguageCode;
  @Column('char') currency: string;
  @Column('text') status: OrgStatus;
  @Column('uuid', { nullable: true }) channelManagerId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
