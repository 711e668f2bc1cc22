import { Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealRulesPanelFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

/** The program's rules of engagement in plain sentences, beside the form and on the registration. */
export function DealRulesCard({ rules, programName }: { rules: DealRulesPanelFragment; programName?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const minimum = Number(rules.minimumValue);
  const reminders = [...rules.reminderDays].sort((a, b) => b - a);
  return (
    <Card withBorder component="section" aria-labelledby="deal-rules-heading" data-testid="deal-rules">
      <Title order={2} size="h4" id="deal-rules-heading">
        {t('dealRules.title')}
      </Title>
      {programName ? (
        <Text size="sm" c="dimmed" mb="xs">
          {programName}
        </Text>
      ) : null}
      <List size="sm" spacing={6} mt="xs">
        <List.Item data-testid="rule-protection">{t('dealRules.protection', { count: rules.protectionDays })}</List.Item>
        <List.Item data-testid="rule-extensions">
          {rules.maxExtensions === 0
            ? t('dealRules.noExtensions')
            : t('dealRules.extensions', { count: rules.maxExtensions, days: rules.extensionDays })}
        </List.Item>
        <List.Item data-testid="rule-review">{t('dealRules.review', { count: rules.reviewSlaBusinessDays })}</List.Item>
        <List.Item data-testid="rule-minimum">
          {minimum > 0 ? t('dealRules.minimum', { amount: format.money(rules.minimumValue, rules.minimumValueCurrency) }) : t('dealRules.noMinimum')}
        </List.Item>
        {reminders.length > 0 ? <List.Item>{t('dealRules.reminders', { days: format.list(reminders.map(String)) })}</List.Item> : null}
        {rules.allowHouseAccounts ? null : <List.Item>{t('dealRules.noHouseAccounts')}</List.Item>}
      </List>
    </Card>
  );
}
