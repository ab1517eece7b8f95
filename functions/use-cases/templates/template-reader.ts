import type { Tone } from '../../core/dunning/dunning-slot';
import { isTemplateId } from '../../core/dunning/step-templates';
import type { Clock } from '../../ports/clock';
import type { LetterTemplateStore } from '../../ports/letter-templates';
import {
  type CurrentTemplates,
  type LetterTemplateId,
  type LetterTemplateVersion,
  letterTemplateOf,
} from '../../templates/letter-texts/letter-template';

/** The current version of the template a step's template and tone write with, for renderLetter. */
export type TemplateReader = (template: string, tone: Tone) => Promise<CurrentTemplates>;

/** How long a warm function keeps a template it read: an admin's edit reaches letters within it. */
const KEEP_MS = 60_000;

/**
 * Reads the current version of a letter's template for the letter steps, keeping it for a minute
 * per warm function (by the clock port, so the local cloud's virtual minutes count). A letter costs
 * no read while it is kept; after that one consistent GetItem of the template's latest item (about
 * 10 KB: 3 read units), or none stored, which is kept as well.
 */
export function cachedTemplateReader(store: LetterTemplateStore, clock: Clock): TemplateReader {
  const kept = new Map<LetterTemplateId, { at: number; template: LetterTemplateVersion | undefined }>();
  return async (template, tone) => {
    const id = isTemplateId(template) ? letterTemplateOf(template, tone) : undefined;
    if (!id) return {};
    const now = clock.now().getTime();
    let entry = kept.get(id);
    if (!entry || now - entry.at >= KEEP_MS || now < entry.at) {
      entry = { at: now, template: await store.getTemplate(id) };
      kept.set(id, entry);
    }
    return entry.template ? { [id]: entry.template } : {};
  };
}
