import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { print } from '@apollo/client/utilities';
import { graphql } from '@cooplink/schema/graphql';
import type { NotificationAddedSubscription } from '@cooplink/schema/types';
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
          fair {
            id
            name
          }
        }
      }
    }
  }
`);

const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      __typename
      id
      kind
      createdAt
      readAt
      linkageId
      need {
        __typename
        id
        title
      }
      fair {
        __typename
        id
        name
      }
    }
  }
`);

const MarkAllReadDocument = graphql(`
  mutation MarkAllNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

type Added = NotificationAddedSubscription['notificationAdded'];

/** While the live socket is down the count is fetched this often instead. */
const FALLBACK_POLL_MS = 60_000;
const SHOWN = 8;

/**
 * The bell in the header. New notifications arrive over a WebSocket and go
 * straight into the cache, so the count and the list change without a
 * request. The socket's code (graphql-ws) loads only once someone is signed
 * in; if it cannot connect, the bell quietly polls until it can.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [live, setLive] = useState(false);
  const { data, refetch } = useQuery(NotificationBellDocument, {
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? 0 : FALLBACK_POLL_MS,
  });
  const [markRead] = useMutation(MarkAllReadDocument, { refetchQueries: ['NotificationBell'] });
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (typeof WebSocket === 'undefined') return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const add = (n: Added) =>
      client.cache.updateQuery({ query: NotificationBellDocument }, (current) => {
        if (!current || current.notifications.edges.some((e) => e.node.id === n.id)) return current;
        return {
          ...current,
          unreadNotificationCount: current.unreadNotificationCount + (n.readAt ? 0 : 1),
          notifications: {
            ...current.notifications,
            edges: [{ __typename: 'NotificationEdge' as const, node: n }, ...current.notifications.edges].slice(0, SHOWN),
          },
        };
      });
    import('./live-notifications')
      .then(({ connectNotifications }) => {
        if (cancelled) return;
        stop = connectNotifications<Added>(print(NotificationAddedDocument), {
          onNotification: add,
          onState: (up, reconnected) => {
            setLive(up);
            // Whatever arrived while the socket was down is fetched once.
            if (reconnected) void refetch();
          },
        });
      })
      .catch(() => setLive(false));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [client, refetch]);

  const count = data?.unreadNotificationCount ?? 0;
  return (
    <div className="bell" data-live={live ? 'true' : 'false'} data-testid="bell-root">
      <button
        type="button"
        className="button button-small button-secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="bell"
      >
        <span aria-hidden="true">🔔</span> <span className="visually-hidden">{t('needs.bell')}</span>
        {count > 0 && (
          <span className="bell-count" aria-label={t('needs.unread', { count })} data-testid="bell-count">
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
                  <Link to={targetOf(node)} onClick={() => setOpen(false)}>
                    {t(`needs.notification.${node.kind}`)}
                    {node.need ? `: ${node.need.title}` : node.fair ? `: ${node.fair.name}` : ''}
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

/** Where a notification leads: the linkage, the fair (to answer a request or read the agenda), or the inbox of matching needs. */
function targetOf(node: { linkageId?: string | null; fair?: { id: string } | null }): string {
  if (node.linkageId) return `/linkages/${node.linkageId}`;
  if (node.fair) return `/fairs/${node.fair.id}`;
  return '/my/inbox';
}
