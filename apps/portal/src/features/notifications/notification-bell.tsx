import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Box, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { LoadMoreButton } from '../../app/components/load-more-button';
import { ErrorAlert } from '../../app/errors/error-alert';
import type { NotificationsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { MarkNotificationsReadDocument, NotificationsDocument, UnreadNotificationCountDocument } from './notifications.documents';

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

const POLL_MS = 30_000;
const TYPES = [
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
] as const;
const isKnownType = (type: string): type is (typeof TYPES)[number] => (TYPES as readonly string[]).includes(type);

/** Where a notification leads, if anywhere: a deal's page, or the leads page with the lead opened. */
function linkOf(notification: Notification): string | null {
  if (!notification.entityId) return null;
  if (notification.entityType === 'DealRegistration') return `/deals/${notification.entityId}`;
  if (notification.entityType === 'Lead') return `/leads?lead=${encodeURIComponent(notification.entityId)}`;
  return null;
}

function BellIcon() {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header's bell: the unread count (polled every 30 seconds while the tab is visible, and on
 * every navigation) and a list of recent notifications that link to their deal or lead.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useQuery(UnreadNotificationCountDocument, {
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState === 'hidden',
    fetchPolicy: 'cache-and-network',
  });
  const { refetch: refetchCount } = count;
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    void refetchCount().catch(() => undefined);
  }, [pathname, refetchCount]);
  const list = useQuery(NotificationsDocument, {
    variables: { first: 10 },
    skip: !opened,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument, {
    refetchQueries: ['UnreadNotificationCount', 'Notifications'],
  });
  const unread = count.data?.unreadNotificationCount ?? 0;
  const notifications = list.data?.notifications.edges.map((edge) => edge.node) ?? [];

  const open = (notification: Notification) => {
    if (!notification.readAt) void markRead({ variables: { ids: [notification.id] } }).catch(() => undefined);
    const to = linkOf(notification);
    close();
    if (to) void navigate(to);
  };

  return (
    <Popover opened={opened} onChange={(next) => (next ? undefined : close())} position="bottom-end" width={380} shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={t('notifications.open', { count: unread })}
            aria-expanded={opened}
            data-testid="notification-bell"
            data-unread={unread}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notification-list">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={marking.loading}
            onClick={() => void markRead({ variables: { ids: [] } }).catch(() => undefined)}
            data-testid="notifications-mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ErrorAlert error={list.error ?? marking.error} />
        {list.loading && !list.data ? <Loader size="sm" m="sm" aria-label={t('common.loading')} /> : null}
        {list.data && notifications.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('notifications.empty')}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {notifications.map((notification) => (
              <UnstyledButton
                key={notification.id}
                onClick={() => open(notification)}
                p="xs"
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                bg={notification.readAt ? undefined : 'var(--mantine-primary-color-light)'}
                data-testid="notification-item"
                data-read={notification.readAt ? 'true' : 'false'}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {notification.readAt ? null : <Box w={8} h={8} mt={6} style={{ borderRadius: '50%', flex: 'none' }} bg="var(--mantine-primary-color-filled)" aria-label={t('notifications.unread')} />}
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {isKnownType(notification.type) ? t(`notificationType.${notification.type}`) : notification.type} · {format.dateTime(notification.createdAt)}
                    </Text>
                    <Text size="sm" fw={notification.readAt ? 400 : 600}>
                      {notification.title}
                    </Text>
                    {notification.body ? (
                      <Text size="xs" lineClamp={2}>
                        {notification.body}
                      </Text>
                    ) : null}
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
          <LoadMoreButton pageInfo={list.data?.notifications.pageInfo} loading={list.loading} onLoad={(after) => list.fetchMore({ variables: { after } })} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
