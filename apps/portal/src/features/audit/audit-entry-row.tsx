import { Button, Code, Collapse, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLogQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';
import { displayJson } from './audit-vocabulary';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

const COLUMNS = 5;

export function AuditEntryRow({ entry, actorName }: { entry: AuditEntry; actorName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, { toggle }] = useDisclosure(false);
  const detailsId = useId();

  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td>{format.dateTime(entry.at)}</Table.Td>
        <Table.Td>{actorName}</Table.Td>
        <Table.Td>
          <Code>{entry.operation}</Code>
        </Table.Td>
        <Table.Td>
          {entry.entityType}
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {entry.entityId}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <Button
            size="xs"
            variant="subtle"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={detailsId}
            disabled={entry.changes.length === 0}
            data-testid="audit-toggle"
          >
            {entry.changes.length === 0 ? t('audit.noChanges') : opened ? t('audit.hideChanges') : t('audit.showChanges', { count: entry.changes.length })}
          </Button>
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={{ display: opened ? undefined : 'none' }}>
        <Table.Td colSpan={COLUMNS} p={0}>
          <Collapse expanded={opened} id={detailsId}>
            <Table withRowBorders={false} verticalSpacing={4} fz="xs" bg="var(--mantine-color-gray-0)" data-testid="audit-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.field')}</Table.Th>
                  <Table.Th scope="col">{t('audit.before')}</Table.Th>
                  <Table.Th scope="col">{t('audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entry.changes.map((change) => (
                  <Table.Tr key={change.field}>
                    <Table.Td>
                      <Code>{change.field}</Code>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>{displayJson(change.before, format.dateTime)}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>→ {displayJson(change.after, format.dateTime)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}
