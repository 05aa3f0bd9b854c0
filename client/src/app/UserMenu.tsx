import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogoutMutation } from '../mutations/useLogoutMutation';

export const UserMenu_user = graphql(`
  fragment UserMenu_user on User {
    id
    displayName
    email
    roles
    memberships {
      organizationId
      organizationKind
      organizationName
      role
    }
  }
`);

export function UserMenu(props: { user: FragmentType<typeof UserMenu_user> }) {
  const user = getFragmentData(UserMenu_user, props.user);
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const [logout, { loading }] = useLogoutMutation();

  async function signOut(): Promise<void> {
    if (details.current) details.current.open = false;
    await logout();
  }

  return (
    <details className="user-menu" ref={details}>
      <summary aria-label={t('nav.account', { name: user.displayName })}>
        <span className="avatar" aria-hidden="true">
          {user.displayName.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="user-name">{user.displayName}</span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-display-name">{user.displayName}</p>
        <p className="user-email muted small">{user.email}</p>
        <p className="user-roles">
          <span className="muted">{t('nav.roles')}: </span>
          {user.roles.map((role) => (
            <span key={role} className="badge badge-role">
              {t(`enums.role.${role}`)}
            </span>
          ))}
        </p>
        {user.memberships.length > 0 && (
          <ul className="plain-list">
            {user.memberships.map((m) => (
              <li key={m.organizationId}>
                <Link to={m.organizationKind === 'COOPERATIVE' ? `/cooperatives/${m.organizationId}` : `/businesses/${m.organizationId}`}>
                  {m.organizationName}
                </Link>{' '}
                <span className="muted">· {t(`enums.membershipRole.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/my/account" data-testid="account-link" onClick={() => details.current && (details.current.open = false)}>
            {t('nav.accountSettings')}
          </Link>
        </p>
        <button type="button" className="button button-secondary" onClick={() => void signOut()} disabled={loading}>
          {t('nav.logout')}
        </button>
      </div>
    </details>
  );
}
