import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { ProductNewPageQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { data as routeError, Link, useLoaderData, useNavigate } from 'react-router';
import { preloadQuery } from '../../../apollo/client';
import { requireRole } from '../../../app/guards';
import { NotFound } from '../../../components/NotFound';
import { draftToInput } from '../../../components/product-form/draft';
import { ProductForm } from '../../../components/product-form/ProductForm';
import { PageSkeleton } from '../../../components/Skeleton';
import { useCreateProductMutation } from '../../../mutations/useCreateProductMutation';

const ProductNewPageDocument = graphql(`
  query ProductNewPage($cooperativeId: ID!) {
    cooperative(id: $cooperativeId) {
      id
      name
      ...OcopBrandSection_cooperative
    }
    categories {
      code
      ...BasicsSection_categories
    }
  }
`);

type PageRef = QueryRef<ProductNewPageQuery>;

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireRole(request, 'COOP_MANAGER');
  const wanted = new URL(request.url).searchParams.get('cooperative');
  const cooperatives = me.memberships.filter((m) => m.organizationKind === 'COOPERATIVE');
  const chosen = cooperatives.find((m) => m.organizationId === wanted) ?? cooperatives[0];
  if (!chosen) throw routeError('FORBIDDEN', { status: 403 });
  return preloadQuery(ProductNewPageDocument, { variables: { cooperativeId: chosen.organizationId } });
}

export function Component() {
  const queryRef = useLoaderData<PageRef>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <NewProduct queryRef={queryRef} />
    </Suspense>
  );
}

function NewProduct({ queryRef }: { queryRef: PageRef }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useReadQuery(queryRef);
  const [createProduct] = useCreateProductMutation();
  const cooperative = data.cooperative;
  if (!cooperative) return <NotFound />;
  const cooperativeId = cooperative.id;

  return (
    <section className="page narrow">
      <title>{`${t('productForm.titleNew')} · CoopLink`}</title>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <Link to="/my/products">{t('myProducts.title')}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{t('productForm.titleNew')}</span>
      </nav>
      <h1>{t('productForm.titleNew')}</h1>
      <p className="muted">{cooperative.name}</p>
      <p className="notice notice-info">{t('productForm.draftHint')}</p>
      <ProductForm
        cooperative={cooperative}
        categories={data.categories}
        submitLabel={t('productForm.create')}
        onSubmit={async (draft) => {
          const outcome = await createProduct({ cooperativeId, ...draftToInput(draft) });
          if (!outcome.ok) return outcome;
          await navigate(`/my/products/${outcome.data.id}/edit`, { replace: true });
          return null;
        }}
      />
    </section>
  );
}
