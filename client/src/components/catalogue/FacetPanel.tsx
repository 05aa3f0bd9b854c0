import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CERTIFICATION_SCHEMES, oneOf, SECTORS } from '../../enums';
import type { FilterParam } from './catalogue-params';
import { withParam } from './catalogue-params';

export const FacetPanel_facets = graphql(`
  fragment FacetPanel_facets on ProductFacets {
    category {
      value
      label
      labelEn
      count
    }
    area {
      value
      label
      count
    }
    certification {
      value
      label
      count
    }
    ocopStars {
      value
      label
      count
    }
    sector {
      value
      label
      count
    }
  }
`);

interface FacetValue {
  value: string;
  label: string | null;
  labelEn?: string | null;
  count: number;
}

type FacetName = 'category' | 'area' | 'certification' | 'ocopStars' | 'sector';

const PARAM_OF: Record<FacetName, FilterParam> = {
  category: 'category',
  area: 'area',
  certification: 'cert',
  ocopStars: 'stars',
  sector: 'sector',
};

const ORDER: readonly FacetName[] = ['category', 'area', 'certification', 'ocopStars', 'sector'];

export function FacetPanel(props: { facets: FragmentType<typeof FacetPanel_facets>; id: string; open: boolean }) {
  const facets = getFragmentData(FacetPanel_facets, props.facets);
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const english = i18n.language === 'en';

  function labelOf(facet: FacetName, v: FacetValue): string {
    switch (facet) {
      case 'certification': {
        const scheme = oneOf(CERTIFICATION_SCHEMES, v.value);
        return scheme ? t(`enums.certificationScheme.${scheme}`) : (v.label ?? v.value);
      }
      case 'sector': {
        const sector = oneOf(SECTORS, v.value);
        return sector ? t(`enums.sector.${sector}`) : (v.label ?? v.value);
      }
      case 'ocopStars':
        return t('catalogue.starsValue', { count: Number(v.value) });
      case 'category':
        return (english && v.labelEn) || v.label || v.value;
      case 'area':
        // Place names are proper nouns and stay in Vietnamese.
        return v.label ?? v.value;
    }
  }

  return (
    <div id={props.id} className={props.open ? 'facets facets-open' : 'facets'}>
      {ORDER.map((facet) => {
        const values = facets[facet];
        if (values.length === 0) return null;
        const param = PARAM_OF[facet];
        const active = search.get(param);
        return (
          <fieldset key={facet} className="facet" data-testid={`facet-${facet}`}>
            <legend>{t(`catalogue.facets.${facet}`)}</legend>
            <ul className="facet-values">
              {values.map((v) => {
                const selected = active === v.value;
                return (
                  <li key={v.value}>
                    <Link
                      to={withParam(search, param, selected ? null : v.value)}
                      className={selected ? 'facet-value facet-value-on' : 'facet-value'}
                      aria-current={selected ? 'true' : undefined}
                      preventScrollReset
                    >
                      <span className="facet-label">{labelOf(facet, v)}</span>
                      <span className="facet-count">{v.count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
