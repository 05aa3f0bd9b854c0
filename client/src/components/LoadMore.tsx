import type { ReactNode } from 'react';
import { useTransition } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The "load more" button under a paged list: shown while there is a next
 * page, disabled while that page loads, so a second tap does not fetch twice.
 */
export function LoadMore({
  pageInfo,
  onMore,
  children,
}: {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  onMore: (after: string | null) => Promise<unknown>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [loading, startTransition] = useTransition();
  if (!pageInfo.hasNextPage) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="button button-secondary"
        disabled={loading}
        onClick={() =>
          startTransition(async () => {
            await onMore(pageInfo.endCursor ?? null);
          })
        }
      >
        {loading ? t('common.loading') : t('catalogue.loadMore')}
      </button>
      {children}
    </div>
  );
}
