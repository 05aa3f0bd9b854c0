import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { Link } from 'react-router';
import { requireRole } from '../../app/guards';
import '../../components/oversight/oversight.css';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../i18n/format';
import { errorCodeOf } from '../../apollo/errors';
import { LoadMore } from '../../components/LoadMore';

const AuditLogDocument = graphql(`
  query AuditLog($filter: AuditFilter, $after: String) {
    auditLog(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          entity
          entityId
          actorEmail
          data
          at
        }
      }
    }
  }
`);

const ACTIONS = [
  'cooperative.status_changed',
  'cooperative.rated',
  'cooperative.verified',
  'business.verified',
  'cooperative.created',
  'business.created',
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN');
  return null;
}

/** Staff actions and status decisions, newest first; a scoped officer sees their area only. */
export function Component() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = { action: action || null, from: from || null, to: to || null };
  const { data, error, fetchMore } = useQuery(AuditLogDocument, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  const log = data?.auditLog;

  return (
    <section className="page oversight">
      <title>{`${t('oversight.audit.title')} · CoopLink`}</title>
      <p>
        <Link to="/staff/oversight">← {t('oversight.title')}</Link>
      </p>
      <h1>{t('oversight.audit.title')}</h1>
      <div className="oversight-pickers">
        <label className="field">
          <span>{t('oversight.audit.action')}</span>
          <select value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
            <option value="">{t('oversight.audit.allActions')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`oversight.audit.actions.${a.replace('.', '_')}` as 'oversight.audit.actions.cooperative_rated')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('oversight.audit.from')}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('oversight.audit.to')}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error && <ErrorNotice code={errorCodeOf(error)} />}
      {log && <p className="muted">{t('oversight.audit.count', { count: log.totalCount })}</p>}
      <ul className="oversight-coops" data-testid="audit-list">
        {log?.edges.map(({ node }) => (
          <li key={node.id}>
            <strong>{formatDateTime(node.at)}</strong>
            <span>
              {t(`oversight.audit.actions.${node.action.replace('.', '_')}` as 'oversight.audit.actions.cooperative_rated', {
                defaultValue: node.action,
              })}
            </span>
            {node.entity === 'cooperative' ? (
              <Link to={`/staff/cooperatives/${node.entityId}`}>{t('oversight.audit.open')}</Link>
            ) : (
              <span className="muted">{node.entity}</span>
            )}
            <span className="muted">{node.actorEmail ?? t('oversight.audit.system')}</span>
            {node.data !== '{}' && <code className="audit-data">{node.data}</code>}
          </li>
        ))}
      </ul>
      {log && <LoadMore pageInfo={log.pageInfo} onMore={(after) => fetchMore({ variables: { after } })} />}
    </section>
  );
}
