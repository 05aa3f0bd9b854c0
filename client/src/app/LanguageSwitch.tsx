import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { currentLanguage, LANGUAGES, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const [switching, setSwitching] = useState(false);
  const value = currentLanguage(i18n.language);

  async function change(lng: Language): Promise<void> {
    setSwitching(true);
    try {
      await setLanguage(lng);
    } finally {
      setSwitching(false);
    }
  }

  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        aria-label={t('language.label')}
        value={value}
        disabled={switching}
        onChange={(e) => void change(currentLanguage(e.target.value))}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
