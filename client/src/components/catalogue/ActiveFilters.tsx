import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CatalogueParams } from './catalogue-params';
import { withParam } from './catalogue-params';

export const ActiveFilters_facets = graphql(`
  fragment ActiveFilters_facets on ProductFacets {
    category {
      value
      label
      labelEn
    }
    area {
      value
      label
    }
  }
`);

/** Chips for the filters in force, each removable with one tap. */
export function ActiveFilters(props: { params: CatalogueParams; facets: FragmentType<typeof ActiveFilters_facets> | null }) {
  const facets = props.facets ? getFragmentData(ActiveFilters_facets, props.facets) : null;
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const { params } = props;

  const chips: { param: string; label: string }[] = [];
  if (params.q) chips.push({ param: 'q', label: `“${params.q}”` });
  if (params.category) {
    const facet = facets?.category.find((v) => v.value === params.category);
    const label = (i18n.language === 'en' && facet?.labelEn) || facet?.label || params.category;
    chips.push({ param: 'category', label: `${t('catalogue.facets.category')}: ${label}` });
  }
  if (params.area) {
    const label = facets?.area.find((v) => v.value === params.area)?.label ?? params.area;
    chips.push({ param: 'area', label: `${t('catalogue.facets.area')}: ${label}` });
  }
  if (params.cert) chips.push({ param: 'cert', label: t(`enums.certificationScheme.${params.cert}`) });
  if (params.stars) chips.push({ param: 'stars', label: t('catalogue.starsAtLeast', { count: params.stars }) });
  if (params.sector) chips.push({ param: 'sector', label: t(`enums.sector.${params.sector}`) });

  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('catalogue.activeFilters')}>
      {chips.map((chip) => (
        <li key={chip.param}>
          <Link
            className="chip"
            to={withParam(search, chip.param, null)}
            aria-label={t('catalogue.removeFilter', { label: chip.label })}
            preventScrollReset
          >
            {chip.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Link className="chip chip-clear" to="/products">
            {t('catalogue.clearFilters')}
          </Link>
        </li>
      )}
    </ul>
  );
}
