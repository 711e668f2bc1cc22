import { useQuery } from '@apollo/client/react';
import { Anchor, Skeleton } from '@mantine/core';
import { Link } from 'react-router-dom';
import { OrganisationNameDocument } from './tier-changes.documents';

/** A partner's name, read from the cache when the partner list already loaded it; links to the partner (or to `to`). */
export function OrganisationName({ id, to }: { id: string; to?: string }) {
  const { data, loading } = useQuery(OrganisationNameDocument, { variables: { id } });
  if (loading && !data) return <Skeleton height={14} width={120} />;
  return (
    <Anchor component={Link} to={to ?? `/partners/${id}`} fw={500}>
      {data?.organisation.name ?? id}
    </Anchor>
  );
}
