import { describe, expect, it } from 'vitest';
import { catalogueVariables, readCatalogueParams, withParam } from './catalogue-params';

describe('catalogue state in the URL', () => {
  it('turns the query string into search variables', () => {
    const params = readCatalogueParams(new URLSearchParams('q=dua%20sap&cert=VIETGAP&stars=4&area=845&sort=PRICE_ASC'));
    expect(catalogueVariables(params)).toEqual({
      search: 'dua sap',
      filter: { certification: 'VIETGAP', minOcopStars: 4, areaCode: '845' },
      sort: 'PRICE_ASC',
      first: 20,
    });
  });

  it('ignores values that are not in the schema', () => {
    const params = readCatalogueParams(new URLSearchParams('cert=MADE_UP&stars=9&sector=FISHING&sort=RANDOM'));
    expect(catalogueVariables(params).filter).toEqual({});
  });

  it('sorts by relevance only when there is something to be relevant to', () => {
    expect(readCatalogueParams(new URLSearchParams('q=buoi')).sort).toBe('RELEVANCE');
    expect(readCatalogueParams(new URLSearchParams('')).sort).toBe('NEWEST');
  });

  it('sets and removes one parameter, keeping the others', () => {
    const current = new URLSearchParams('q=buoi&cert=ORGANIC');
    expect(withParam(current, 'stars', '3')).toBe('/products?q=buoi&cert=ORGANIC&stars=3');
    expect(withParam(current, 'cert', null)).toBe('/products?q=buoi');
  });
});
