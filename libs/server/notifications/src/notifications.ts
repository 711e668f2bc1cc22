import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Args, ArgsType, Field, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainError } from '@prm/domain/common';
import {
  AllowAuthenticated,
  Clock,
  type Connection,
  ConnectionType,
  Ctx,
  JobsService,
  Mailer,
  PageArgs,
  parseCursor,
  RequestContext,
  toConnection,
} from '@prm/server/core';
import { IdentityModule, UsersService } from '@prm/server/identity';
import { ArrayMaxSize, IsBoolean, IsIn, IsUUID } from 'class-validator';
import { Column, DataSource, Entity, type EntityManager, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Every event a user can be notified of; e-mail can be muted per type, the in-app entry is always kept. */
export const NOTIFICATION_TYPES = [
  'DEAL_SUBMITTED',
  'DEAL_APPROVED',
  'DEAL_REJECTED',
  'DEAL_INFO_REQUESTED',
  'DEAL_EXTENSION_REQUESTED',
  'DEAL_EXTENSION_DECIDED',
  'DEAL_PROTECTION_ENDING',
  'DEAL_EXPIRED',
  'LEAD_ASSIGNED',
  'LEAD_RESPONSE_DUE',
  'MDF_REQUEST_SUBMITTED',
  'MDF_REQUEST_DECIDED',
  'MDF_CLAIM_SUBMITTED',
  'MDF_CLAIM_DECIDED',
  'MDF_CLAIM_PAID',
  'MDF_FUND_EXPIRING',
  'CERTIFICATION_EXPIRING',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_EMAIL_JOB = 'notification-email';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @Column('varchar') type: string;
  @Column('varchar') title: string;
  @Column('varchar', { nullable: true }) body: string | null;
  @Column('varchar', { nullable: true }) entityType: string | null;
  @Column('uuid', { nullable: true }) entityId: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz', { nullable: true }) readAt: Date | null;
}

@Entity('notification_mutes')
export class NotificationMuteEntity {
  @PrimaryColumn('uuid') userId: string;
  @PrimaryColumn('varchar') type: string;
}

export interface NotificationMessage {
  type: NotificationType;
  title: string;
  body?: string;
  entityType?: string;
  entityId?: string;
}

/**
 * Notifications: an in-app entry per recipient, written in the caller's transaction, and an e-mail
 * job (same transaction) unless the recipient muted e-mail for that type.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    private readonly users: UsersService,
  ) {}

  async notify(em: EntityManager, userIds: readonly string[], message: NotificationMessage): Promise<void> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return;
    const rows: { id: string; user_id: string; muted: boolean }[] = await em.query(
      `INSERT INTO notifications (user_id, type, title, body, entity_type, entity_id, created_at)
       SELECT u, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS u
       RETURNING id, user_id, EXISTS (SELECT 1 FROM notification_mutes m WHERE m.user_id = notifications.user_id AND m.type = $2) AS muted`,
      [recipients, message.type, message.title, message.body ?? null, message.entityType ?? null, message.entityId ?? null, this.clock.now()],
    );
    if (!this.jobs.running) return;
    for (const row of rows) {
      if (!row.muted) await this.jobs.send(NOTIFICATION_EMAIL_JOB, { notificationId: row.id }, { manager: em });
    }
  }

  /** The e-mail for one notification (job handler); skipped when the user is gone or deactivated. */
  async sendEmail(notificationId: string): Promise<boolean> {
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id: notificationId });
    if (!notification) return false;
    // The address is identity's: asked, not read from its table.
    const [user] = await this.users.byIds(RequestContext.system(), [notification.userId]);
    if (!user || user.status !== 'ACTIVE') return false;
    await this.mailer.send({ to: user.email, subject: notification.title, text: `${notification.body ?? notification.title}\n\n— Partner portal` });
    return true;
  }

  async list(ctx: RequestContext, first: number, after: string | undefined, unreadOnly: boolean): Promise<Connection<NotificationEntity>> {
    const userId = this.userOf(ctx);
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [userId];
    const where = ['user_id = $1'];
    if (unreadOnly) where.push('read_at IS NULL');
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(created_at, id) < ($2, $3::uuid)`);
    }
    params.push(first + 1);
    const raw: NotificationEntity[] = (
      await this.dataSource.query(
        `SELECT id, user_id, type, title, body, entity_type, entity_id, created_at, read_at FROM notifications
          WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      )
    ).map(toNotification);
    return toConnection(raw, first, (n) => [n.createdAt.toISOString(), n.id]);
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
      this.userOf(ctx),
    ]);
    return row?.n ?? 0;
  }

  /** Marks the caller's own notifications read (all of them when `ids` is empty); returns how many changed. */
  async markRead(ctx: RequestContext, ids: readonly string[]): Promise<number> {
    const userId = this.userOf(ctx);
    const params: unknown[] = [userId, this.clock.now()];
    let filter = '';
    if (ids.length > 0) {
      params.push(ids);
      filter = 'AND id = ANY($3::uuid[])';
    }
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL ${filter}`,
      params,
    )) as [unknown, number];
    return count;
  }

  async mutedTypes(ctx: RequestContext): Promise<string[]> {
    const rows: { type: string }[] = await this.dataSource.query(`SELECT type FROM notification_mutes WHERE user_id = $1 ORDER BY type`, [this.userOf(ctx)]);
    return rows.map((r) => r.type);
  }

  async setMuted(ctx: RequestContext, type: NotificationType, muted: boolean): Promise<string[]> {
    const userId = this.userOf(ctx);
    if (muted) await this.dataSource.query(`INSERT INTO notification_mutes (user_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, type]);
    else await this.dataSource.query(`DELETE FROM notification_mutes WHERE user_id = $1 AND type = $2`, [userId, type]);
    return this.mutedTypes(ctx);
  }

  private userOf(ctx: RequestContext): string {
    const userId = ctx.requireActor().userId;
    // API keys act for an organisation, not a person: they have no inbox.
    if (!userId) throw new DomainError('FORBIDDEN', 'Notifications belong to signed-in users.');
    return userId;
  }
}

function toNotification(row: Record<string, unknown>): NotificationEntity {
  return Object.assign(new NotificationEntity(), {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    title: row.title,
    body: row.body,
    entityType: row.entity_type,
    entityId: row.entity_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  });
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'One of NOTIFICATION_TYPES, e.g. DEAL_APPROVED' }) type: string;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => String, { nullable: true, description: 'What it is about, e.g. DealRegistration' }) entityType: string | null;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends ConnectionType(NotificationModel, 'Notification') {}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean()
  unreadOnly = false;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { defaultValue: [], description: 'Empty: mark all of your notifications read' })
  @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Not a valid id.' })
  ids: string[] = [];
}

@ArgsType()
export class SetNotificationMuteArgs {
  @Field(() => String, { description: `One of: ${NOTIFICATION_TYPES.join(', ')}` })
  @IsIn(NOTIFICATION_TYPES, { message: `Use one of: ${NOTIFICATION_TYPES.join(', ')}.` })
  type: NotificationType;

  @Field(() => Boolean) @IsBoolean()
  muted: boolean;
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  @AllowAuthenticated()
  notifications(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<Connection<NotificationModel>> {
    return this.service.list(ctx, args.first, args.after, args.unreadOnly);
  }

  @Query(() => Int)
  @AllowAuthenticated()
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.service.unreadCount(ctx);
  }

  @Mutation(() => Int, { description: 'Marks your notifications read; returns how many changed' })
  @AllowAuthenticated()
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args() args: MarkNotificationsReadArgs): Promise<number> {
    return this.service.markRead(ctx, args.ids);
  }

  @Query(() => [String], { description: 'Notification types whose e-mail you muted' })
  @AllowAuthenticated()
  mutedNotificationTypes(@Ctx() ctx: RequestContext): Promise<string[]> {
    return this.service.mutedTypes(ctx);
  }

  @Mutation(() => [String], { description: 'Mute or unmute e-mail for one notification type; returns the muted types' })
  @AllowAuthenticated()
  setNotificationMute(@Ctx() ctx: RequestContext, @Args() args: SetNotificationMuteArgs): Promise<string[]> {
    return this.service.setMuted(ctx, args.type, args.muted);
  }
}

/** In-app notification centre and notification e-mail (sent by a job, so a slow SMTP server never slows a request). */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationMuteEntity]), IdentityModule],
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ notificationId: string }>(NOTIFICATION_EMAIL_JOB, async (data) => void (await this.notifications.sendEmail(data.notificationId)));
  }
}
