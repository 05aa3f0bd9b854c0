import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { Header } from '../app/Header';
import { NavigationProgress } from '../app/NavigationProgress';
import { OfflineBanner } from '../app/OfflineBanner';
import { Toasts } from '../app/Toasts';
import { PageSkeleton } from '../components/Skeleton';

export function Root() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavigationProgress />
      <Header />
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
      <Toasts />
      <ScrollRestoration />
    </>
  );
}

export function AppLoading() {
  return (
    <div className="app-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">CoopLink…</span>
    </div>
  );
}
