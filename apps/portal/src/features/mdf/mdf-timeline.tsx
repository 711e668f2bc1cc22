import { Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MdfTimelineEntryFieldsFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { claimReference, TimelineStatusBadge } from './mdf-status';

const KINDS = ['STATUS', 'COMMENT', 'EXTENSION', 'UPDATE'] as const;
const isKind = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);

/** A request's history, oldest first: status changes, manager comments, deadline extensions, and the same for its claims. */
export function MdfTimeline({ entries, claimNumbers }: { entries: readonly MdfTimelineEntryFieldsFragment[]; claimNumbers: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="mdf-timeline">
      {entries.map((entry) => {
        const claimNumber = entry.claimId ? claimNumbers.get(entry.claimId) : undefined;
        const what = isKind(entry.kind) ? t(`mdf.timeline.${entry.kind}`) : entry.kind;
        const title = entry.claimId ? t('mdf.timeline.onClaim', { what, claim: claimNumber ? claimReference(claimNumber) : '' }) : what;
        return (
          <Timeline.Item key={entry.id} title={title} data-testid="timeline-entry" data-kind={entry.kind}>
            {entry.toStatus && entry.fromStatus !== entry.toStatus ? (
              <Group gap={6} mt={4}>
                {entry.fromStatus ? (
                  <>
                    <TimelineStatusBadge status={entry.fromStatus} claim={Boolean(entry.claimId)} />
                    <Text size="sm" aria-hidden>
                      →
                    </Text>
                  </>
                ) : null}
                <TimelineStatusBadge status={entry.toStatus} claim={Boolean(entry.claimId)} />
              </Group>
            ) : null}
            <Text size="xs" c="dimmed" mt={4}>
              {entry.actorName ?? t('mdf.timeline.system')} · {format.dateTime(entry.at)}
            </Text>
            {entry.comment ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-comment">
                {entry.comment}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
