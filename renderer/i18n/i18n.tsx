import { createContext, useContext, type ReactNode } from 'react';
import { LANGUAGES, type Language, type StringKey } from './strings';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const table = LANGUAGES[language];
  return (key, params) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

/** The language the OS or browser prefers, when the analyst has not chosen one. */
export function preferredLanguage(): Language {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) &&
    !navigator.language.toLowerCase().startsWith('en')
    ? 'zh'
    : 'en';
}

const I18nContext = createContext<{ t: Translate; language: Language }>({ t: translator('en'), language: 'en' });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <I18nContext.Provider value={{ t: translator(language), language }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
