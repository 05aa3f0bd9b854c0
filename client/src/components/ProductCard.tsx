import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../i18n';
import { CertificationBadges } from './CertificationBadges';
import { Icon } from './Icon';
import { OcopStars } from './OcopStars';
import { PriceRange } from './PriceRange';
import { ProductImage } from './ProductImage';

export const ProductCard_product = graphql(`
  fragment ProductCard_product on Product {
    id
    nameVi
    nameEn
    unit
    priceMin
    priceMax
    ocopStars
    images {
      id
      url
    }
    certifications {
      id
      scheme
      valid
    }
    cooperative {
      id
      name
      district {
        code
        name
      }
      area {
        code
        name
      }
    }
  }
`);

export function ProductCard(props: { product: FragmentType<typeof ProductCard_product> }) {
  const product = getFragmentData(ProductCard_product, props.product);
  const { t, i18n } = useTranslation();
  const name = localized(i18n.language, product.nameVi, product.nameEn);
  const place = product.cooperative.district?.name ?? product.cooperative.area.name;

  return (
    <article className="card product-card" data-testid="product-card">
      <ProductImage url={product.images[0]?.url} alt={name} name={name} />
      <div className="card-body">
        <h3 className="card-title">
          <Link to={`/products/${product.id}`} className="card-link">
            {name}
          </Link>
        </h3>
        <p className="card-meta">
          <span className="visually-hidden">{t('product.producer')}: </span>
          {product.cooperative.name}
        </p>
        <p className="card-meta muted">
          <Icon name="pin" size={13} /> {place}
        </p>
        <PriceRange min={product.priceMin} max={product.priceMax} unit={product.unit} />
        <div className="card-marks">
          <OcopStars stars={product.ocopStars} />
          <CertificationBadges certifications={product.certifications} />
        </div>
      </div>
    </article>
  );
}
