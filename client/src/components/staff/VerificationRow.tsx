import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../ErrorNotice';
import { formatDate } from '../../i18n/format';
import type { Failure } from '../../mutations/outcome';
import { useVerifyOrganizationMutation } from '../../mutations/useVerifyOrganizationMutation';

export const VerificationRow_item = graphql(`
  fragment VerificationRow_item on VerificationItem {
    organizationId
    kind
    name
    createdAt
    area {
      code
      name
    }
  }
`);

export function VerificationRow(props: { item: FragmentType<typeof VerificationRow_item> }) {
  const item = getFragmentData(VerificationRow_item, props.item);
  const { t } = useTranslation();
  const [verify, { loading }] = useVerifyOrganizationMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const profile = item.kind === 'COOPERATIVE' ? `/cooperatives/${item.organizationId}` : `/businesses/${item.organizationId}`;

  async function onVerify(): Promise<void> {
    if (loading) return;
    const outcome = await verify(item.organizationId, item.kind, item.name);
    setFailure(outcome.ok ? null : outcome);
  }

  return (
    <li className="card queue-item" data-testid="verification-item">
      <div className="queue-main">
        <span className="badge">{t(`enums.organizationKind.${item.kind}`)}</span>
        <h2 className="card-title">
          <Link to={profile}>{item.name}</Link>
        </h2>
        <p className="muted">
          {item.area.name} · {t('verification.submitted', { date: formatDate(item.createdAt) })}
        </p>
        {failure && <ErrorNotice code={failure.code} />}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => void onVerify()}
        disabled={loading}
        aria-label={t('verification.verifyNamed', { name: item.name })}
        data-testid="verify-button"
      >
        {loading ? t('verification.verifying') : t('verification.verify')}
      </button>
    </li>
  );
}
