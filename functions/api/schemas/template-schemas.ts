import * as z from 'zod';
import { LETTER_TEMPLATE_IDS, TEXT_LANGUAGES } from '../../templates/letter-texts/letter-template';
import { recordId, text } from './fields';

/**
 * Request schemas of the letter-template routes. The shape is checked here; what the words may
 * say (placeholders, links, what the law asks) is the template validator's
 * (templates/letter-texts/validate-template.ts), which the use case applies.
 */

const version = z
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .describe('The version you edited, as GET gave it; a colleague’s newer version is not overwritten');

export const templatePath = z.object({
  id: z
    .enum(LETTER_TEMPLATE_IDS, `must be one of the letter templates: ${LETTER_TEMPLATE_IDS.join(', ')}`)
    .describe('The letter template'),
});

export const templateQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('An older version of the template; the current one when left out'),
});

const letterWords = z.object({
  subject: text(300)
    .min(1, 'must not be empty')
    .describe('The subject line; placeholders allowed, no blocks'),
  body: z
    .array(text(4000))
    .min(1, 'must hold at least one paragraph')
    .max(40, 'must hold at most 40 paragraphs')
    .describe('Paragraphs: text with {{placeholders}} and {{#sections}}, or one {{block}} alone'),
});

const languageTexts = z
  .object({
    one: letterWords.describe('The letter about one invoice'),
    many: letterWords.describe('The letter about several invoices'),
  })
  .describe("A template's words in one language");

export const templateBody = z.object({
  version: version.optional(),
  texts: z
    .strictObject(
      Object.fromEntries(TEXT_LANGUAGES.map((language) => [language, languageTexts.optional()])) as Record<
        (typeof TEXT_LANGUAGES)[number],
        z.ZodOptional<typeof languageTexts>
      >,
    )
    .refine((texts) => Object.values(texts).some(Boolean), 'must give the words of at least one language')
    .describe(`The languages to change (${TEXT_LANGUAGES.join(', ')}); the others keep their words`),
});

export const templatePreviewBody = z.object({
  invoiceId: recordId.describe('The invoice the letter is written for'),
  language: z
    .enum(TEXT_LANGUAGES, `must be one of ${TEXT_LANGUAGES.join(', ')}`)
    .optional()
    .describe("The language to write in; the debtor's when left out"),
  version: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('A stored version; the current one when left out'),
  texts: languageTexts
    .optional()
    .describe('Words not stored yet (in `language`, else nl), checked as a new version is'),
});
