import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';

/**
 * A plain GET form: it works before JavaScript finishes loading and puts the
 * query in the URL, so a search can be shared in a chat message.
 */
export function SearchBox({ defaultValue = '', hidden }: { defaultValue?: string; hidden?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/products" role="search" className="search-box">
      <label htmlFor="product-search" className="visually-hidden">
        {t('catalogue.searchLabel')}
      </label>
      <input
        id="product-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={t('catalogue.searchPlaceholder')}
        aria-label={t('catalogue.searchLabel')}
        autoComplete="off"
        enterKeyHint="search"
        key={defaultValue}
      />
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="button">
        {t('catalogue.searchSubmit')}
      </button>
    </Form>
  );
}
