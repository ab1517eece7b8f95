import type { LetterTemplateStore } from '../../ports/letter-templates';
import { builtInTemplate } from '../../templates/letter-texts/built-in';
import {
  LETTER_TEMPLATE_IDS,
  type LetterTemplateId,
  type LetterTemplateVersion,
  TEXT_LANGUAGES,
} from '../../templates/letter-texts/letter-template';
import { PLACEHOLDERS, REQUIRED_PLACEHOLDERS } from '../../templates/letter-texts/placeholders';

/** The current version of a template: the latest stored, else version 1 as shipped. */
export async function currentTemplate(
  store: LetterTemplateStore,
  id: LetterTemplateId,
): Promise<LetterTemplateVersion> {
  return (await store.getTemplate(id)) ?? builtInTemplate(id);
}

/** A version of a template (the current one when not said); version 1 is the built-in one until an edit stores it. */
export async function templateAt(
  store: LetterTemplateStore,
  id: LetterTemplateId,
  version?: number,
): Promise<LetterTemplateVersion | undefined> {
  if (version === undefined) return currentTemplate(store, id);
  return (await store.getTemplate(id, version)) ?? (version === 1 ? builtInTemplate(id) : undefined);
}

/**
 * GET /templates: every letter template at its current version (who changed it, when), and the
 * placeholders a version may use, with the ones each template must keep.
 */
export async function listTemplates(store: LetterTemplateStore) {
  const stored = new Map((await store.listTemplates()).map((template) => [template.id, template]));
  return {
    templates: LETTER_TEMPLATE_IDS.map((id) => {
      const { version, updatedBy, updatedAt } = stored.get(id) ?? builtInTemplate(id);
      return {
        id,
        version,
        updatedBy,
        updatedAt,
        languages: [...TEXT_LANGUAGES],
        required: [...(REQUIRED_PLACEHOLDERS[id] ?? [])],
      };
    }),
    placeholders: Object.entries(PLACEHOLDERS).map(([name, spec]) => ({
      name,
      kind: spec.kind,
      meaning: spec.meaning,
      ...('only' in spec ? { only: [...spec.only] } : {}),
    })),
  };
}
