import type { QueryRef } from '@apollo/client/react';
import { useReadQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { BusinessPageQuery } from '@cooplink/schema/types';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData } from 'react-router';
import { preloadQuery } from '../../apollo/client';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeleton';
import { VerifiedBadge } from '../../components/VerifiedBadge';

const BusinessPageDocument = graphql(`
  query BusinessPage($id: ID!) {
    business(id: $id) {
      id
      name
      taxCode
      kinds
      area {
        code
        name
      }
      address
      contactName
      phone
      email
      website
      description
      verified
      verifiedAt
    }
  }
`);

type PageRef = QueryRef<BusinessPageQuery>;

export function loader({ params }: LoaderFunctionArgs) {
  return preloadQuery(BusinessPageDocument, { variables: { id: params['businessId'] ?? '' } });
}

export function Component() {
  const queryRef = useLoaderData<PageRef>();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <BusinessProfile queryRef={queryRef} />
    </Suspense>
  );
}

/** Only http(s) links are shown as links; anything else stays plain text. */
function safeWebsite(url: string): string | null {
  try {
    const parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function BusinessProfile({ queryRef }: { queryRef: PageRef }) {
  const { t } = useTranslation();
  const { data } = useReadQuery(queryRef);
  const business = data.business;
  if (!business) return <NotFound />;
  const website = business.website ? safeWebsite(business.website) : null;

  return (
    <article className="page profile">
      <title>{`${business.name} · CoopLink`}</title>
      <header className="profile-head">
        <p className="eyebrow">{t('org.business')}</p>
        <h1>{business.name}</h1>
        <p className="muted">{[business.address, business.area.name].filter(Boolean).join(', ')}</p>
        <div className="badges-row">
          <VerifiedBadge verified={business.verified} verifiedAt={business.verifiedAt} />
          {business.kinds.map((kind) => (
            <span key={kind} className="badge">
              {t(`enums.businessKind.${kind}`)}
            </span>
          ))}
        </div>
      </header>

      {business.description && <p className="prose">{business.description}</p>}

      <dl className="facts facts-grid">
        <div>
          <dt>{t('org.taxCode')}</dt>
          <dd>{business.taxCode}</dd>
        </div>
        {business.contactName && (
          <div>
            <dt>{t('org.contactName')}</dt>
            <dd>{business.contactName}</dd>
          </div>
        )}
        {business.phone && (
          <div>
            <dt>{t('org.phone')}</dt>
            <dd>
              <a href={`tel:${business.phone}`}>{business.phone}</a>
            </dd>
          </div>
        )}
        {business.email && (
          <div>
            <dt>{t('org.email')}</dt>
            <dd>
              <a href={`mailto:${business.email}`}>{business.email}</a>
            </dd>
          </div>
        )}
        {business.website && (
          <div>
            <dt>{t('org.website')}</dt>
            <dd>
              {website ? (
                <a href={website} rel="noopener noreferrer nofollow" target="_blank">
                  {business.website}
                </a>
              ) : (
                business.website
              )}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
