import type { QueryRef } from '@apollo/client/react';
import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ProductEditPageQuery } from '@cooplink/schema/types';
import { Suspense, useState, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useLoaderData } from 'react-router';
import { preloadQuery } from '../../../apollo/client';
import { requireRole } from '../../../app/guards';
import { NotFound } from '../../../components/NotFound';
import { draftToUpdateInput } from '../../../components/product-form/draft';
import { ProductForm } from '../../../components/product-form/ProductForm';
import { ProductStatusPanel } from '../../../components/product-form/ProductStatusPanel';
import { PageSkeleton } from '../../../components/Skeleton';
import { localized } from '../../../i18n';
import { useUpdateProductMutation } from '../../../mutations/useUpdateProductMutation';

const ProductEditPageDocument = graphql(`
  query ProductEditPage($id: ID!) {
    product(id: $id) {
      id
      version
      nameVi
      nameEn
      cooperative {
        id
        name
        verified
        ...OcopBrandSection_cooperative
      }
      ...ProductForm_product
      ...ProductStatusPanel_product
    }
    categories {
      code
      ...BasicsSection_categories
    }
  }
`);

type PageRef = QueryRef<ProductEditPageQuery>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'COOP_MANAGER');
  // The form must start from the latest version, or the first save would conflict.
  return preloadQuery(ProductEditPageDocument, {
    variables: { id: params['productId'] ?? '' },
    fetchPolicy: 'network-only',
  });
}

export function Component() {
  const queryRef = useLoaderData<PageRef>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <EditProduct queryRef={queryRef} />
    </Suspense>
  );
}

function EditProduct({ queryRef }: { queryRef: PageRef }) {
  const { t, i18n } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const { refetch } = useQueryRefHandlers(queryRef);
  const [updateProduct] = useUpdateProductMutation();
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [reloading, startReload] = useTransition();
  const product = data.product;
  if (!product) return <NotFound />;
  const { id, version } = product;

  function reload(): void {
    startReload(async () => {
      await refetch();
      // A new key rebuilds the form from the fresh server copy.
      setFormKey((k) => k + 1);
    });
  }

  return (
    <section className="page narrow">
      <title>{`${t('productForm.titleEdit')} · CoopLink`}</title>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <Link to="/my/products">{t('myProducts.title')}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{localized(i18n.language, product.nameVi, product.nameEn)}</span>
      </nav>
      <h1>{t('productForm.titleEdit')}</h1>
      <p className="muted">{product.cooperative.name}</p>
      {reloading && <p className="muted">{t('common.loading')}</p>}

      <ProductStatusPanel product={product} dirty={dirty} canPublish={product.cooperative.verified} onReload={reload} />

      <ProductForm
        key={`${id}:${formKey}`}
        product={product}
        cooperative={product.cooperative}
        categories={data.categories}
        submitLabel={t('productForm.save')}
        onReload={reload}
        onDirtyChange={setDirty}
        onSubmit={async (draft, initial) => {
          const outcome = await updateProduct({ id, version, ...draftToUpdateInput(draft, initial) });
          return outcome.ok ? null : outcome;
        }}
      />
    </section>
  );
}
