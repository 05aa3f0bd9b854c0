import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { hasRole, useMe } from '../hooks/useMe';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

export function Header() {
  const { t } = useTranslation();
  const { me, loading } = useMe();

  return (
    <header className="site-header">
      <div className="header-bar">
        <Link to="/" className="brand" aria-label={t('app.homeLink')}>
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" width="28" height="28">
            <rect width="32" height="32" rx="7" />
            <path d="M9 21c0-6 5-11 14-11-1 8-5 13-11 13-1.2 0-2.2-.3-3-.7M9 23l7-7" />
          </svg>
          <span className="brand-name">CoopLink</span>
          <span className="brand-place">{t('app.place')}</span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {me && <NotificationBell />}
          {me ? (
            <UserMenu user={me} />
          ) : (
            !loading && (
              <Link to="/login" className="button button-small">
                {t('nav.login')}
              </Link>
            )
          )}
        </div>
      </div>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <NavLink to="/" end>
          {t('nav.home')}
        </NavLink>
        <NavLink to="/products">{t('nav.products')}</NavLink>
        <NavLink to="/fairs">{t('nav.fairs')}</NavLink>
        <NavLink to="/needs" end>
          {t('nav.needsBoard')}
        </NavLink>
        {hasRole(me, 'COOP_MANAGER') && <NavLink to="/my/products">{t('nav.myProducts')}</NavLink>}
        {hasRole(me, 'COOP_MANAGER') && <NavLink to="/my/inbox">{t('needs.navInbox')}</NavLink>}
        {hasRole(me, 'BUSINESS_REP') && (
          <NavLink to="/needs/new" end>
            {t('needs.navPost')}
          </NavLink>
        )}
        {hasRole(me, 'BUSINESS_REP', 'COOP_MANAGER') && <NavLink to="/my/needs">{t('nav.myNeeds')}</NavLink>}
        {hasRole(me, 'BUSINESS_REP', 'COOP_MANAGER') && <NavLink to="/my/linkages">{t('nav.myLinkages')}</NavLink>}
        {hasRole(me, 'TRADE_STAFF', 'ADMIN') && <NavLink to="/staff/verification">{t('nav.verification')}</NavLink>}
        {hasRole(me, 'TRADE_STAFF', 'ADMIN') && <NavLink to="/staff/oversight">{t('nav.oversight')}</NavLink>}
        {hasRole(me, 'TRADE_STAFF', 'ADMIN') && <NavLink to="/staff/recall">{t('trace.recallNav')}</NavLink>}
        {!me && !loading && <NavLink to="/register">{t('nav.register')}</NavLink>}
      </nav>
    </header>
  );
}
