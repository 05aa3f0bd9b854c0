import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { CataloguePageQuery } from '@cooplink/schema/types';
import { Suspense, useDeferredValue, useState, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData, useSearchParams } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { ActiveFilters } from '../../components/catalogue/ActiveFilters';
import type { CatalogueParams } from '../../components/catalogue/catalogue-params';
import { catalogueVariables, FILTER_PARAMS, readCatalogueParams } from '../../components/catalogue/catalogue-params';
import { FacetPanel } from '../../components/catalogue/FacetPanel';
import { SortSelect } from '../../components/catalogue/SortSelect';
import { ProductCard } from '../../components/ProductCard';
import { SearchBox } from '../../components/SearchBox';
import { CardGridSkeleton } from '../../components/Skeleton';

const CataloguePageDocument = graphql(`
  query CataloguePage($search: String, $filter: ProductFilter, $sort: ProductSort!, $first: Int, $after: String) {
    products(search: $search, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      correctedSearch
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ProductCard_product
        }
      }
      facets {
        ...FacetPanel_facets
        ...ActiveFilters_facets
      }
    }
  }
`);

type CatalogueRef = QueryRef<CataloguePageQuery>;

export function loader({ request }: LoaderFunctionArgs) {
  const params = readCatalogueParams(new URL(request.url).searchParams);
  return preloadQuery(CataloguePageDocument, { variables: catalogueVariables(params) });
}

export function Component() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const params = readCatalogueParams(search);
  const queryRef = useLoaderData<CatalogueRef>();
  // While a refined search loads, the previous results stay on screen, dimmed.
  const shownRef = useDeferredValue(queryRef);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const hidden: Record<string, string> = {};
  for (const [name, value] of search) if (name !== 'q') hidden[name] = value;

  return (
    <div className="page catalogue">
      <title>{`${t('catalogue.title')} · CoopLink`}</title>
      <h1>{t('catalogue.title')}</h1>
      <SearchBox defaultValue={params.q} hidden={hidden} />
      <Suspense fallback={<CardGridSkeleton />}>
        <Results
          queryRef={shownRef}
          params={params}
          stale={shownRef !== queryRef}
          filtersOpen={filtersOpen}
          onToggleFilters={() => setFiltersOpen((open) => !open)}
        />
      </Suspense>
    </div>
  );
}

function Results(props: {
  queryRef: CatalogueRef;
  params: CatalogueParams;
  stale: boolean;
  filtersOpen: boolean;
  onToggleFilters: () => void;
}) {
  const { t } = useTranslation();
  const { data } = useReadQuery(props.queryRef);
  const { fetchMore } = useQueryRefHandlers(props.queryRef);
  const [loadingMore, startTransition] = useTransition();
  const { products } = data;
  const { params } = props;
  const activeFilters = FILTER_PARAMS.filter((name) => params[name] !== undefined).length;

  function loadMore(): void {
    startTransition(async () => {
      await fetchMore({ variables: { after: products.pageInfo.endCursor } });
    });
  }

  return (
    <div className="catalogue-layout" aria-busy={props.stale}>
      <aside className="catalogue-filters" aria-label={t('catalogue.filters')}>
        <button
          type="button"
          className="button button-secondary filters-toggle"
          aria-expanded={props.filtersOpen}
          aria-controls="facet-panel"
          onClick={props.onToggleFilters}
        >
          {activeFilters > 0 ? t('catalogue.filtersActive', { count: activeFilters }) : t('catalogue.filters')}
        </button>
        {products.facets && <FacetPanel id="facet-panel" facets={products.facets} open={props.filtersOpen} />}
      </aside>

      <section className={props.stale ? 'catalogue-results stale' : 'catalogue-results'} aria-live="polite">
        <div className="results-bar">
          <p className="results-count">{t('catalogue.results', { count: products.totalCount })}</p>
          <SortSelect value={params.sort} hasQuery={params.q !== ''} />
        </div>
        {products.correctedSearch && (
          <p className="muted search-correction" data-testid="search-correction">
            {t('catalogue.corrected', { text: products.correctedSearch })}
          </p>
        )}
        <ActiveFilters params={params} facets={products.facets} />

        {products.edges.length === 0 ? (
          <div className="empty-state">
            <p>{t('catalogue.empty')}</p>
            <p className="muted">{t('catalogue.emptyHint')}</p>
          </div>
        ) : (
          <div className="card-grid">
            {products.edges.map((edge) => (
              <ProductCard key={edge.node.id} product={edge.node} />
            ))}
          </div>
        )}

        {products.pageInfo.hasNextPage && (
          <div className="load-more">
            <button type="button" className="button button-secondary" onClick={loadMore} disabled={loadingMore}>
              {loadingMore ? t('common.loading') : t('catalogue.loadMore')}
            </button>
            <p className="muted">{t('catalogue.shownOf', { shown: products.edges.length, total: products.totalCount })}</p>
          </div>
        )}
      </section>
    </div>
  );
}
