import type { Tone } from '../../core/dunning/dunning-slot';
import type { TemplateId } from '../../core/dunning/step-templates';

/**
 * The letters to the debtor whose words are data: an admin edits them (PUT /templates/{id}), the
 * letter step renders the current version. The payment reminder has one template per tone. The
 * notes to colleagues (call task, account-manager alert) are not letters of the business and stay
 * in code (wording-nl.ts, wording-en.ts).
 */
export const LETTER_TEMPLATE_IDS = [
  'payment-reminder-friendly',
  'payment-reminder-firm',
  'payment-reminder-formal',
  'payment-reminder-final',
  'fourteen-day-letter',
  'collection-agency-handover',
  'interruption-letter',
] as const;

export type LetterTemplateId = (typeof LETTER_TEMPLATE_IDS)[number];

function isLetterTemplateId(id: string): id is LetterTemplateId {
  return (LETTER_TEMPLATE_IDS as readonly string[]).includes(id);
}

/** The languages a letter's texts are written in. */
export const TEXT_LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;

export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** The letter template a step's template and tone write with; none for a note to a colleague. */
export function letterTemplateOf(template: TemplateId, tone: Tone): LetterTemplateId | undefined {
  if (template === 'payment-reminder') return `payment-reminder-${tone}`;
  return isLetterTemplateId(template) ? template : undefined;
}

/**
 * One letter's words: a subject line and paragraphs. A paragraph is text with placeholders
 * (`{{total}}`), sections shown when a value is there (`{{#payBy}}…{{/payBy}}`) or not
 * (`{{^payBy}}…{{/payBy}}`), or one block placeholder on its own (`{{invoiceTable}}`).
 */
export interface LetterWords {
  subject: string;
  body: string[];
}

/** A template's words in one language: for a letter about one invoice and for one about several. */
export interface LanguageTexts {
  one: LetterWords;
  many: LetterWords;
}

export type TemplateTexts = Record<TextLanguage, LanguageTexts>;

/** One immutable version of a template, as stored and as the API shows it. */
export interface LetterTemplateVersion {
  id: LetterTemplateId;
  version: number;
  texts: TemplateTexts;
  /** Who stored it: the admin's email (or subject), `built-in` for version 1 as shipped. */
  updatedBy: string;
  updatedAt: string;
}

/** The current version of each template the renderer may be given; a template left out renders its version 1. */
export type CurrentTemplates = Partial<Record<LetterTemplateId, Pick<LetterTemplateVersion, 'texts'>>>;
