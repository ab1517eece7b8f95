import type { LanguageTexts, LetterTemplateId, LetterWords, TemplateTexts } from './letter-template';
import {
  availableIn,
  isBlockName,
  PLACEHOLDERS,
  placeholderSpec,
  REQUIRED_PLACEHOLDERS,
} from './placeholders';
import { blockOf, type NameUse, namesIn, parseTemplate } from './template-syntax';

/** A problem with a template's texts: where (`texts.nl.one.body.2`) and what. */
export interface TemplateIssue {
  path: string;
  message: string;
}

const KNOWN = Object.keys(PLACEHOLDERS).join(', ');

/**
 * Why these texts cannot be a version of the template, or nothing: malformed syntax, an unknown
 * placeholder or one the template has no value for, a block that does not stand alone, a malformed
 * link, and a legally required placeholder left out (or hidden in a section that may not show).
 */
export function validateTemplateTexts(id: LetterTemplateId, texts: Partial<TemplateTexts>): TemplateIssue[] {
  return Object.entries(texts).flatMap(([language, each]) =>
    each ? languageIssues(id, each, `texts.${language}`) : [],
  );
}

function languageIssues(id: LetterTemplateId, texts: LanguageTexts, path: string): TemplateIssue[] {
  return (['one', 'many'] as const).flatMap((count) => wordsIssues(id, texts[count], `${path}.${count}`));
}

function wordsIssues(id: LetterTemplateId, words: LetterWords, path: string): TemplateIssue[] {
  const issues = partIssues(id, words.subject, `${path}.subject`, { blocks: false });
  const names: NameUse[] = [];
  words.body.forEach((paragraph, index) => {
    const where = `${path}.body.${index}`;
    issues.push(...partIssues(id, paragraph, where, { blocks: true }));
    const parsed = parseTemplate(paragraph);
    if (parsed.ok) names.push(...namesIn(parsed.nodes));
  });
  for (const required of REQUIRED_PLACEHOLDERS[id] ?? []) {
    if (!names.some(({ name, inSection }) => name === required && !inSection)) {
      issues.push({
        path: `${path}.body`,
        message: `lacks {{${required}}}, ${PLACEHOLDERS[required].meaning}: the ${id} must state it, outside any section`,
      });
    }
  }
  return issues;
}

function partIssues(
  id: LetterTemplateId,
  source: string,
  path: string,
  options: { blocks: boolean },
): TemplateIssue[] {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return [{ path, message: parsed.problem }];
  const issues: TemplateIssue[] = [];
  const block = blockOf(source);
  for (const { name, as } of namesIn(parsed.nodes)) {
    const spec = placeholderSpec(name);
    if (!spec) {
      issues.push({ path, message: `{{${name}}} is no placeholder; the placeholders are ${KNOWN}` });
    } else if (!availableIn(name, id)) {
      issues.push({ path, message: `{{${name}}} has no value in the ${id}` });
    } else if (spec.kind === 'condition' && as === 'value') {
      issues.push({
        path,
        message: `{{${name}}} prints nothing: use it as a section, {{#${name}}}…{{/${name}}}`,
      });
    } else if (isBlockName(name) && (!options.blocks || block !== name)) {
      issues.push({
        path,
        message: options.blocks
          ? `{{${name}}} is a block: it stands alone as a paragraph`
          : `{{${name}}} is a block and cannot stand in the subject`,
      });
    }
  }
  issues.push(...linkIssues(source, path));
  return issues;
}

/** Words that are, or try to be, links: a scheme with "//", "www.", or a scheme that runs code. */
const LINK_LIKE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b(?:javascript|vbscript|data):)[^\s{}]*/gi;

/**
 * A link in a letter must be a whole https (or http) address with a host: the debtor clicks what
 * we send under our name. Punctuation that ends a sentence is not part of the link.
 */
function linkIssues(source: string, path: string): TemplateIssue[] {
  return [...source.matchAll(LINK_LIKE)].flatMap(([found]) => {
    const link = found.replace(/[.,;:!?)]+$/, '');
    const problem = linkProblem(link);
    return problem ? [{ path, message: `the link "${link}" is malformed: ${problem}` }] : [];
  });
}

function linkProblem(link: string): string | undefined {
  if (!/^https?:\/\//i.test(link)) return 'a link starts with https://';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'it is no web address';
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) return 'its host is no domain name';
  if (url.username || url.password) return 'it carries a user name or password';
  return undefined;
}
