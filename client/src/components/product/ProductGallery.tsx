import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductImage } from '../ProductImage';

export const ProductGallery_product = graphql(`
  fragment ProductGallery_product on Product {
    id
    images {
      id
      url
    }
  }
`);

export function ProductGallery(props: { product: FragmentType<typeof ProductGallery_product>; name: string }) {
  const product = getFragmentData(ProductGallery_product, props.product);
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const current = product.images[index] ?? product.images[0];

  return (
    <div className="gallery">
      <ProductImage url={current?.url} alt={props.name} name={props.name} sizes="large" />
      {product.images.length > 1 && (
        <ul className="gallery-thumbs" aria-label={t('product.images')}>
          {product.images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                className={i === index ? 'thumb thumb-on' : 'thumb'}
                onClick={() => setIndex(i)}
                aria-label={t('product.showImage', { number: i + 1 })}
                aria-pressed={i === index}
              >
                <img src={image.url} alt="" loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
