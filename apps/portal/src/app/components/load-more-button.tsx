import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadMoreButtonProps {
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  loading: boolean;
  /** Fetches the page after the cursor (usually Apollo's fetchMore). */
  onLoad: (after: string | null) => unknown;
  testId?: string;
}

/** The "load more" control of every cursor-paginated list; hidden on the last page. */
export function LoadMoreButton({ pageInfo, loading, onLoad, testId }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  if (!pageInfo?.hasNextPage) return null;
  return (
    <Button variant="light" w="fit-content" loading={loading} onClick={() => void onLoad(pageInfo.endCursor)} data-testid={testId}>
      {t('actions.loadMore')}
    </Button>
  );
}
