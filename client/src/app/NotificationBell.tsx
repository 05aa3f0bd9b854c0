import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format';

const NotificationBellDocument = graphql(`
  query NotificationBell {
    unreadNotificationCount
    notifications(first: 8) {
      edges {
        node {
          id
          kind
          createdAt
          readAt
          linkageId
          need {
            id
            title
          }
        }
      }
    }
  }
`);

const MarkAllReadDocument = graphql(`
  mutation MarkAllNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

const SUBSCRIPTION = 'subscription NotificationAdded { notificationAdded { id } }';

/**
 * The bell in the header. Its count comes over HTTP; live updates come over
 * a WebSocket whose code (graphql-ws) loads only once someone is signed in,
 * so anonymous visitors never download it.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { data } = useQuery(NotificationBellDocument, { fetchPolicy: 'cache-and-network' });
  const [markRead] = useMutation(MarkAllReadDocument, { refetchQueries: ['NotificationBell'] });
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('graphql-ws').then(({ createClient }) => {
      if (cancelled) return;
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
      const ws = createClient({ url, retryAttempts: 20 });
      const unsubscribe = ws.subscribe(
        { query: SUBSCRIPTION },
        { next: () => void client.refetchQueries({ include: ['NotificationBell'] }), error: () => {}, complete: () => {} },
      );
      stop = () => {
        unsubscribe();
        void ws.dispose();
      };
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [client]);

  const count = data?.unreadNotificationCount ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        className="button button-small button-secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <span aria-hidden="true">🔔</span> <span className="visually-hidden">{t('needs.bell')}</span>
        {count > 0 && (
          <span className="bell-count" aria-label={t('needs.unread', { count })}>
            {count}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" role="dialog" aria-label={t('needs.bell')}>
          {data?.notifications.edges.length ? (
            <ul>
              {data.notifications.edges.map(({ node }) => (
                <li key={node.id} className={node.readAt ? 'muted' : undefined}>
                  <Link to={node.linkageId ? `/linkages/${node.linkageId}` : '/my/inbox'} onClick={() => setOpen(false)}>
                    {t(`needs.notification.${node.kind}`)}
                    {node.need ? `: ${node.need.title}` : ''}
                  </Link>
                  <br />
                  <small className="muted">{formatDateTime(node.createdAt)}</small>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('needs.noNotifications')}</p>
          )}
          {count > 0 && (
            <button type="button" className="button button-small" onClick={() => void markRead({ variables: { input: {} } })}>
              {t('needs.markAllRead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
