import { GERMAN_TEXTS } from './built-in-de';
import { ENGLISH_TEXTS } from './built-in-en';
import { FRENCH_TEXTS } from './built-in-fr';
import { DUTCH_TEXTS } from './built-in-nl';
import type { LetterTemplateId, LetterTemplateVersion } from './letter-template';

/** When version 1 was written: it is the same in every installation. */
const SHIPPED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Version 1 of a template: the texts as the system shipped them. A table where no admin has
 * stored a version renders these, so a fresh installation writes what it always wrote.
 */
export function builtInTemplate(id: LetterTemplateId): LetterTemplateVersion {
  return {
    id,
    version: 1,
    texts: { nl: DUTCH_TEXTS[id], en: ENGLISH_TEXTS[id], de: GERMAN_TEXTS[id], fr: FRENCH_TEXTS[id] },
    updatedBy: 'built-in',
    updatedAt: SHIPPED_AT,
  };
}
