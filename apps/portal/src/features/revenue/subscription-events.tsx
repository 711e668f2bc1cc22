import { Badge, Group, Text, Timeline } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevenueCustomerQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

type SubscriptionEvent = RevenueCustomerQuery['revenueCustomer']['subscriptions'][number]['events'][number];

const EVENT_KINDS = ['START', 'CHANGE', 'PAUSE', 'RESUME', 'RENEW', 'CANCEL'] as const;
const EVENT_SOURCES = ['API', 'CSV', 'BILLING', 'DEAL'] as const;
export const SUBSCRIPTION_STATUSES = ['TRIAL', 'ACTIVE', 'PAUSED', 'CANCELLED', 'NOT_STARTED'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A status as people read it; an unknown one as the API wrote it. */
export function useSubscriptionStatus(): (status: string) => string {
  const { t } = useTranslation();
  return (status) => (isOneOf(SUBSCRIPTION_STATUSES, status) ? t(`revenue.subscriptionStatus.${status}`) : status);
}

interface SubscriptionEventsProps {
  events: readonly SubscriptionEvent[];
  /** The event behind the movement the reader came from: marked and scrolled to. */
  highlight: string | null;
}

/** Every event of a subscription, oldest first: the terms it set from its effective date, and where it came from. */
export function SubscriptionEvents({ events, highlight }: SubscriptionEventsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusLabel = useSubscriptionStatus();
  const marked = useRef<HTMLDivElement>(null);
  const today = new Date().toISOString().slice(0, 10);
  const lastInEffect = events.reduce((last, event, index) => (event.effectiveDate <= today ? index : last), -1);

  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
  }, [highlight]);

  const terms = (event: SubscriptionEvent): string => {
    const price = t('revenue.event.terms', { quantity: format.number(event.quantity), price: format.money(event.unitPrice, event.currency), count: event.intervalMonths });
    if (event.discountPercent) return `${price} · ${t('revenue.event.discount', { discount: format.percent(event.discountPercent) })}`;
    if (event.discountAmount) return `${price} · ${t('revenue.event.discount', { discount: format.money(event.discountAmount, event.currency) })}`;
    return price;
  };
  const dates = (event: SubscriptionEvent): string[] =>
    [
      event.discountEndsOn ? t('revenue.event.discountEndsOn', { date: format.day(event.discountEndsOn) }) : null,
      event.termEndsOn ? t('revenue.event.termEndsOn', { date: format.day(event.termEndsOn) }) : null,
      event.paidThrough ? t('revenue.event.paidThrough', { date: format.day(event.paidThrough) }) : null,
      event.cancelledOn ? t('revenue.event.cancelledOn', { date: format.day(event.cancelledOn) }) : null,
    ].filter((text): text is string => text !== null);

  return (
    <Timeline active={lastInEffect} bulletSize={14} lineWidth={2} data-testid="subscription-events">
      {events.map((event) => {
        const isMarked = event.id === highlight;
        return (
          <Timeline.Item
            key={event.id}
            color={isMarked ? 'orange' : undefined}
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {isOneOf(EVENT_KINDS, event.kind) ? t(`revenue.eventKind.${event.kind}`) : event.kind} · {format.day(event.effectiveDate)}
                </Text>
                <Badge variant="light" size="sm" color="gray">
                  {statusLabel(event.status)}
                </Badge>
                {event.earlyRenewal ? (
                  <Badge variant="light" size="sm" color="teal">
                    {t('revenue.event.earlyRenewal')}
                  </Badge>
                ) : null}
                {isMarked ? (
                  <Badge variant="filled" size="sm" color="orange">
                    {t('revenue.event.behindMovement')}
                  </Badge>
                ) : null}
              </Group>
            }
            data-testid="subscription-event"
            data-event-id={event.id}
            data-highlighted={isMarked ? 'true' : undefined}
            ref={isMarked ? marked : undefined}
          >
            <Text size="sm" mt={4}>
              {t('revenue.event.mrr', { mrr: format.money(event.mrr, event.currency) })} · {terms(event)}
            </Text>
            {dates(event).length > 0 ? (
              <Text size="xs" mt={2}>
                {dates(event).join(' · ')}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              {t('revenue.event.recorded', {
                date: format.day(event.recordedOn),
                source: isOneOf(EVENT_SOURCES, event.source) ? t(`revenue.eventSource.${event.source}`) : event.source,
              })}
              {event.externalEventId ? ` · ${event.externalEventId}` : ''}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
