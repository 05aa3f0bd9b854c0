import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { NeedKind, NeedsBoardQuery } from '@cooplink/schema/types';
import { Suspense, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { useCategoryOptions } from '../../components/needs/categories';
import { DeliveryAreaPicker, areaCodeOf, type AreaChoice } from '../../components/needs/DeliveryAreaPicker';
import { NeedCard } from '../../components/needs/NeedCard';
import { PageSkeleton } from '../../components/Skeleton';
import { hasRole, useMe } from '../../hooks/useMe';
import { LoadMore } from '../../components/LoadMore';

const NeedsBoardDocument = graphql(`
  query NeedsBoard($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...NeedCard_need
        }
      }
    }
  }
`);

const KINDS: NeedKind[] = ['OFFTAKE', 'INPUT_SUPPLY', 'INPUT_DEMAND'];
const PAGE = 20;

interface BoardParams {
  kind: NeedKind | null;
  category: string;
  area: AreaChoice;
}

/** Filters live in the address, so a filtered board can be shared and survives a reload. */
function readParams(search: URLSearchParams): BoardParams {
  const kind = search.get('kind');
  return {
    kind: KINDS.includes(kind as NeedKind) ? (kind as NeedKind) : null,
    category: search.get('category') ?? '',
    area: { province: search.get('province') ?? '', district: search.get('district') ?? '', commune: search.get('commune') ?? '' },
  };
}

function variablesOf(p: BoardParams) {
  return {
    first: PAGE,
    filter: { kind: p.kind, categoryCode: p.category || null, areaCode: areaCodeOf(p.area) },
  };
}

type BoardRef = QueryRef<NeedsBoardQuery>;

export function loader({ request }: LoaderFunctionArgs): BoardRef {
  return preloadQuery(NeedsBoardDocument, { variables: variablesOf(readParams(new URL(request.url).searchParams)) });
}

/** The public request-for-quotation board: open needs, newest first, filtered by kind, category and delivery area. */
export function Component() {
  const { t } = useTranslation();
  const { me } = useMe();
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const queryRef = useLoaderData<BoardRef>();
  const shownRef = useDeferredValue(queryRef);
  const categories = useCategoryOptions();

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  }

  return (
    <section className="page">
      <title>{`${t('needsBoard.title')} · CoopLink`}</title>
      <h1>{t('needsBoard.title')}</h1>
      <p className="muted">{t('needsBoard.lead')}</p>
      {hasRole(me, 'BUSINESS_REP', 'COOP_MANAGER', 'TRADE_STAFF', 'ADMIN') && (
        <p>
          <Link to="/needs/new" className="button">
            {t('needs.navPost')}
          </Link>
        </p>
      )}
      <fieldset className="form-section board-filters">
        <legend>{t('catalogue.filters')}</legend>
        <label htmlFor="board-kind">{t('needs.kindLabel')}</label>
        <select id="board-kind" value={params.kind ?? ''} onChange={(e) => update({ kind: e.target.value })}>
          <option value="">{t('needsBoard.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`needs.kindShort.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="board-category">{t('needs.categoryLabel')}</label>
        <select id="board-category" value={params.category} onChange={(e) => update({ category: e.target.value })}>
          <option value="">{t('needsBoard.allCategories')}</option>
          {categories.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
        <DeliveryAreaPicker
          value={params.area}
          onChange={(a) => update({ province: a.province, district: a.district, commune: a.commune })}
        />
      </fieldset>
      <Suspense fallback={<PageSkeleton />}>
        <Results queryRef={shownRef} stale={shownRef !== queryRef} />
      </Suspense>
    </section>
  );
}

function Results({ queryRef, stale }: { queryRef: BoardRef; stale: boolean }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { fetchMore } = useQueryRefHandlers(queryRef);
  const { needs } = data;
  return (
    <div aria-busy={stale} aria-live="polite" className={stale ? 'stale' : undefined}>
      <p className="results-count">{t('needsBoard.count', { count: needs.totalCount })}</p>
      {needs.edges.length === 0 ? (
        <div className="empty-state">
          <p>{t('needsBoard.empty')}</p>
          <p className="muted">{t('needsBoard.emptyHint')}</p>
        </div>
      ) : (
        <ul className="plain-list need-list">
          {needs.edges.map(({ node }) => (
            <NeedCard key={node.id} need={node} />
          ))}
        </ul>
      )}
      <LoadMore pageInfo={needs.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}
