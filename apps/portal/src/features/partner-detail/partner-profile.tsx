import { Anchor, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailField as Field, websiteHref } from '../../app/components/detail-field';
import type { PartnerProfileFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/use-format';

export function PartnerProfile({ partner }: { partner: PartnerProfileFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid component="dl" m={0} cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" data-testid="partner-profile">
      <Field label={t('partner.fields.legalName')}>{partner.legalName}</Field>
      <Field label={t('partner.fields.location')}>
        {partner.city ? `${partner.city}, ` : ''}
        {format.country(partner.country)}
      </Field>
      <Field label={t('partner.fields.website')}>
        {partner.website ? (
          <Anchor href={websiteHref(partner.website)} target="_blank" rel="noreferrer noopener">
            {partner.website}
          </Anchor>
        ) : null}
      </Field>
      <Field label={t('partner.fields.vatNumber')}>{partner.vatNumber}</Field>
      <Field label={t('partner.fields.segment')}>{partner.segment}</Field>
      <Field label={t('partner.fields.preferredLanguage')}>{t(`languageNames.${partner.preferredLanguage}`)}</Field>
      <Field label={t('partner.fields.currency')}>{partner.currency}</Field>
      <Field label={t('partner.fields.channelManager')}>{partner.channelManager?.name}</Field>
      <Field label={t('partner.fields.createdAt')}>{format.date(partner.createdAt)}</Field>
    </SimpleGrid>
  );
}
