import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page narrow not-found">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <div className="actions">
        <Link className="button" to="/products">
          {t('notFound.catalogue')}
        </Link>
        <Link className="button button-secondary" to="/">
          {t('notFound.home')}
        </Link>
      </div>
    </section>
  );
}
