import { Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealDetailFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { DealStatusBadge } from './deal-status-badge';

type DealEvent = DealDetailFragment['timeline'][number];

const KNOWN_EVENTS = [
  'CREATED',
  'UPDATED',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'INFO_REQUESTED',
  'WON',
  'LOST',
  'EXPIRED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_DECLINED',
  'REMINDER_SENT',
] as const;
const isKnownEvent = (type: string): type is (typeof KNOWN_EVENTS)[number] => (KNOWN_EVENTS as readonly string[]).includes(type);

/** Every step of the registration, oldest first: what happened, the status change, who did it and when. */
export function DealTimeline({ events }: { events: readonly DealEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = (event: DealEvent): string => {
    if (!event.actorName) return t('dealTimeline.system');
    const side = event.actorSide === 'PARTNER' ? t('dealTimeline.partnerSide') : event.actorSide === 'VENDOR' ? t('dealTimeline.vendorSide') : null;
    return side ? `${event.actorName} (${side})` : event.actorName;
  };
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="deal-timeline">
      {events.map((event) => (
        <Timeline.Item key={event.id} title={isKnownEvent(event.type) ? t(`dealEvent.${event.type}`) : event.type} data-testid="timeline-event">
          {event.fromStatus !== event.toStatus && event.toStatus ? (
            <Group gap={6} mt={4}>
              {event.fromStatus ? (
                <>
                  <DealStatusBadge status={event.fromStatus} testId="timeline-status" />
                  <Text size="sm" aria-hidden>
                    →
                  </Text>
                </>
              ) : null}
              <DealStatusBadge status={event.toStatus} testId="timeline-status" />
            </Group>
          ) : null}
          <Text size="xs" c="dimmed" mt={4}>
            {actor(event)} · {format.dateTime(event.at)}
          </Text>
          {event.note ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {event.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
