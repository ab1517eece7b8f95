import type { LetterTemplateId, LetterTemplateVersion } from '../templates/letter-texts/letter-template';

/**
 * The stored versions of the letter templates. Versions are immutable; the latest of each
 * template is kept beside them. A template nobody edited has none stored: its version 1 is the
 * built-in one (templates/letter-texts/built-in.ts).
 */
export interface LetterTemplateStore {
  /** The latest stored version, or version `version`; undefined when it is not stored. */
  getTemplate(id: LetterTemplateId, version?: number): Promise<LetterTemplateVersion | undefined>;
  /** The latest stored version of every template that has one. */
  listTemplates(): Promise<LetterTemplateVersion[]>;
  /**
   * Stores a version over the one before it (version 1 where none is stored); throws
   * ConcurrentModificationError when another version was stored meanwhile.
   */
  putTemplate(template: LetterTemplateVersion): Promise<void>;
}
