import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, List } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CheckDealConflictsQuery } from '../../gql/graphql';
import { CheckDealConflictsDocument } from './deals.documents';
import { dealReference } from './deal-status';

interface DuplicateHintsProps {
  customerName: string;
  customerWebsite: string;
  customerCountry: string | null;
  /** The registration being edited, which is not a duplicate of itself. */
  registrationId?: string;
}

/** Only something that looks like a domain is sent; the check refuses anything else, and a half-typed address is no hint. */
type Match = CheckDealConflictsQuery['checkDealConflicts']['matches'][number];

const LOOKS_LIKE_DOMAIN = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/\S*)?$/i;
const SEPARATOR = '\u0001';

/**
 * Earlier registrations of the same customer while the rep types (partners see only their own
 * organisation's). Checked once the typing pauses; nothing is stored.
 */
export function DuplicateHints({ customerName, customerWebsite, customerCountry, registrationId }: DuplicateHintsProps) {
  // A string key, so the debounced value only changes when the text does.
  const typed = [customerName.trim(), customerWebsite.trim(), customerCountry ?? ''].join(SEPARATOR);
  const [settled] = useDebouncedValue(typed, 400);
  const [name = '', website = '', country = ''] = settled.split(SEPARATOR);
  const { data, previousData, loading } = useQuery(CheckDealConflictsDocument, {
    variables: {
      input: {
        customerName: name,
        customerCountry: country,
        customerWebsite: LOOKS_LIKE_DOMAIN.test(website) ? website : undefined,
        registrationId,
      },
    },
    skip: name.length < 2 || country === '',
  });
  const shown = name.length < 2 ? undefined : (data ?? previousData);
  const matches = (shown?.checkDealConflicts.matches ?? []).filter((match) => match.registrationId && match.registrationNumber !== null);
  // "pending" while the typing settles or the check runs, so tests (and assistive tech) know when hints are final.
  const pending = typed !== settled || loading;
  return (
    <div data-testid="duplicate-check" data-state={pending ? 'pending' : 'settled'} role="status" aria-live="polite" aria-busy={pending}>
      {matches.length > 0 ? <HintList matches={matches} /> : null}
    </div>
  );
}

function HintList({ matches }: { matches: readonly Match[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" mt="md" title={t('dealForm.duplicatesTitle')} data-testid="duplicate-hints">
      <List size="sm" spacing={4}>
        {matches.map((match) => (
          <List.Item key={match.registrationId} data-testid="duplicate-hint">
            {t('dealForm.duplicate', {
              reference: dealReference(match.registrationNumber ?? 0),
              customer: match.customerName,
              status: match.registrationStatus ? t(`dealStatus.${match.registrationStatus}`).toLowerCase() : '',
            })}{' '}
            <Anchor component={Link} to={`/deals/${match.registrationId}`} size="sm">
              {t('dealForm.openDuplicate')}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
