import { Grid, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, OPERATIONS } from './audit-vocabulary';

export interface AuditFilterValues {
  entityType: string | null;
  operation: string | null;
  actorUserId: string | null;
}

interface AuditFiltersProps {
  values: AuditFilterValues;
  actors: readonly { id: string; name: string; email: string }[];
  onChange: (values: AuditFilterValues) => void;
}

export function AuditFilters({ values, actors, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  return (
    <Grid gap="sm" role="search" aria-label={t('audit.filters')}>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          clearable
          value={values.entityType}
          onChange={(entityType) => onChange({ ...values, entityType })}
          data={ENTITY_TYPES.map((type) => ({ value: type, label: type }))}
          data-testid="audit-entity-type"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t('audit.operation')}
          placeholder={t('common.all')}
          clearable
          searchable
          value={values.operation}
          onChange={(operation) => onChange({ ...values, operation })}
          data={OPERATIONS.map((op) => ({ value: op, label: op }))}
          data-testid="audit-operation"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t('audit.actor')}
          placeholder={t('common.all')}
          clearable
          searchable
          value={values.actorUserId}
          onChange={(actorUserId) => onChange({ ...values, actorUserId })}
          data={actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          data-testid="audit-actor"
        />
      </Grid.Col>
    </Grid>
  );
}
