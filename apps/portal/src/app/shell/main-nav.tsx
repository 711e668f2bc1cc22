import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Role } from '../../gql/graphql';
import { activeNavItem, NAV_ITEMS } from './nav-items';

export function MainNav({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => item.roles.includes(role));
  const current = activeNavItem(items, pathname);
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={4}>
        {items.map((item) => {
          const active = item === current;
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(`nav.${item.labelKey}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              data-testid={`nav-${item.labelKey}`}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
