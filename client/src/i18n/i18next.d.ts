import 'i18next';
import type en from './en.json';

// Keys are typed from the English file, which is the source of truth.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
