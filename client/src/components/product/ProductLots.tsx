import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../i18n/format';

export const ProductLots_product = graphql(`
  fragment ProductLots_product on Product {
    lots(first: 10) {
      totalCount
      edges {
        node {
          id
          code
          producedOn
          expiresOn
          publicPath
        }
      }
    }
  }
`);

/** The product's recent lots, each linking to its public trace page. */
export function ProductLots(props: { product: FragmentType<typeof ProductLots_product> }) {
  const { t } = useTranslation();
  const product = getFragmentData(ProductLots_product, props.product);
  if (product.lots.totalCount === 0) return null;
  return (
    <section className="product-lots">
      <h2>{t('trace.productLots')}</h2>
      <ul>
        {product.lots.edges.map(({ node }) => (
          <li key={node.id}>
            <a href={node.publicPath}>{node.code}</a> · {formatLocalDate(node.producedOn)}
            {node.expiresOn ? ` → ${formatLocalDate(node.expiresOn)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
