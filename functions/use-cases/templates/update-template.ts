import type { Clock } from '../../ports/clock';
import { ConcurrentModificationError } from '../../ports/credit-store';
import type { LetterTemplateStore } from '../../ports/letter-templates';
import { builtInTemplate } from '../../templates/letter-texts/built-in';
import type {
  LetterTemplateId,
  LetterTemplateVersion,
  TemplateTexts,
} from '../../templates/letter-texts/letter-template';
import { validateTemplateTexts } from '../../templates/letter-texts/validate-template';
import { conflict, invalid } from '../refusal';
import { currentTemplate } from './template-catalogue';

export interface TemplateEdit {
  /** The version the admin edited, as GET gave it: a colleague's newer version is not overwritten. */
  version?: number;
  /** The languages to change; the others keep their words. */
  texts: Partial<TemplateTexts>;
}

/**
 * PUT /templates/{id}: stores a new version of a letter template. Versions are immutable and
 * the next letter takes the new one. A version is refused, naming each problem, when it uses an
 * unknown placeholder, has a malformed link or leaves out what the law asks of the template (the
 * 14-day letter's costs, term and consequence): see templates/letter-texts/validate-template.ts.
 */
export async function updateTemplate(
  deps: { templates: LetterTemplateStore; clock: Clock },
  id: LetterTemplateId,
  edit: TemplateEdit,
  by: string,
): Promise<LetterTemplateVersion> {
  const current = await currentTemplate(deps.templates, id);
  if (edit.version !== undefined && edit.version !== current.version) {
    throw conflict(`Template ${id} is at version ${current.version}; you edited version ${edit.version}.`);
  }
  const issues = validateTemplateTexts(id, edit.texts);
  if (issues.length > 0) {
    throw invalid(
      issues,
      `The new version of template ${id} cannot be stored: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
    );
  }
  const next: LetterTemplateVersion = {
    id,
    version: current.version + 1,
    texts: { ...current.texts, ...edit.texts },
    updatedBy: by,
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    // Version 2 follows the built-in version 1, stored now so that every version can be read back.
    if (next.version === 2) await storeBuiltIn(deps.templates, id);
    await deps.templates.putTemplate(next);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict(`Template ${id} was changed by someone else meanwhile; reload it and try again.`);
    }
    throw error;
  }
  return next;
}

async function storeBuiltIn(store: LetterTemplateStore, id: LetterTemplateId): Promise<void> {
  if (await store.getTemplate(id, 1)) return;
  await store.putTemplate(builtInTemplate(id));
}
