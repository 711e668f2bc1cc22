import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserOrganisationsDocument } from './users.documents';

export interface PickedOrganisation {
  id: string;
  name: string;
  kind: 'VENDOR' | 'PARTNER';
}

interface OrganisationPickerProps {
  vendor: { id: string; name: string };
  value: PickedOrganisation;
  onChange: (organisation: PickedOrganisation) => void;
}

/** Vendor admins manage users of the vendor itself or of any partner. */
export function OrganisationPicker({ vendor, value, onChange }: OrganisationPickerProps) {
  const { t } = useTranslation();
  const { data } = useQuery(UserOrganisationsDocument);
  const partners = data?.partners.edges.map((e) => e.node) ?? [];

  return (
    <Select
      label={t('users.organisation')}
      searchable
      allowDeselect={false}
      maw={360}
      value={value.id}
      data-testid="organisation-picker"
      onChange={(id) => {
        if (id === vendor.id) {
          onChange({ ...vendor, kind: 'VENDOR' });
          return;
        }
        const partner = partners.find((p) => p.id === id);
        if (partner) onChange({ id: partner.id, name: partner.name, kind: 'PARTNER' });
      }}
      data={[
        { group: t('users.vendorGroup'), items: [{ value: vendor.id, label: vendor.name }] },
        { group: t('users.partnerGroup'), items: partners.map((p) => ({ value: p.id, label: p.name })) },
      ]}
    />
  );
}
