import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cooplink.lang';

function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function saveLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage can be unavailable in private mode; the switch still applies to this visit.
  }
}

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
}

// Vietnamese ships with the page because most visitors read it; English loads
// on demand so cooperative phones on weak connections do not pay for it.
async function loadBundle(lng: Language): Promise<void> {
  if (i18next.hasResourceBundle(lng, 'translation')) return;
  const en = await import('./en.json');
  i18next.addResourceBundle('en', 'translation', en.default, true, true);
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: LANGUAGES,
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', applyToDocument);
  applyToDocument('vi');
  const lng = savedLanguage();
  if (lng !== 'vi') await setLanguage(lng);
}

export async function setLanguage(lng: Language): Promise<void> {
  await loadBundle(lng);
  await i18next.changeLanguage(lng);
  saveLanguage(lng);
}

export function currentLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'vi';
}

/** Content written in both languages: English when asked for and present, else Vietnamese. */
export function localized(language: string, vi: string, en: string | null | undefined): string {
  return language === 'en' && en ? en : vi;
}
