import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Messages, nl } from './messages';

/**
 * Dutch or English, as the user chose (remembered in localStorage; the browser's language until
 * they choose), with amounts and dates formatted for that language by Intl.
 */
export type Language = 'nl' | 'en';
const STORAGE_KEY = 'credit-control.language';

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'nl' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export interface Words {
  language: Language;
  t: Messages;
  /** Cents in a currency, e.g. "€ 1.234,56" or "€1,234.56". */
  money(cents: number, currency: string): string;
  /** A calendar day (YYYY-MM-DD) or an instant. */
  date(value: string): string;
  number(value: number): string;
}

export function wordsFor(language: Language): Words {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const numbers = new Intl.NumberFormat(locale);
  return {
    language,
    t: language === 'nl' ? nl : en,
    money: (cents, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100),
    date: (value) => dates.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)),
    number: (value) => numbers.format(value),
  };
}

export const WordsContext = createContext<Words>(wordsFor('nl'));
export const useWords = () => useContext(WordsContext);
