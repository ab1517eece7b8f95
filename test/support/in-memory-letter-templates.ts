import { ConcurrentModificationError } from '../../functions/ports/credit-store';
import type { LetterTemplateStore } from '../../functions/ports/letter-templates';
import type { LetterTemplateVersion } from '../../functions/templates/letter-texts/letter-template';

/** The letter templates' versions in memory, with the store's rule: a version follows the latest. */
export class InMemoryLetterTemplates implements LetterTemplateStore {
  readonly versions = new Map<string, LetterTemplateVersion>();
  reads = 0;

  async getTemplate(id: string, version?: number): Promise<LetterTemplateVersion | undefined> {
    this.reads += 1;
    if (version !== undefined) return structuredClone(this.versions.get(`${id}#${version}`));
    return structuredClone(this.latest(id));
  }

  async listTemplates(): Promise<LetterTemplateVersion[]> {
    const ids = new Set([...this.versions.values()].map((template) => template.id));
    return [...ids].flatMap((id) => this.latest(id) ?? []);
  }

  async putTemplate(template: LetterTemplateVersion): Promise<void> {
    const latest = this.latest(template.id);
    if ((latest?.version ?? 0) !== template.version - 1) {
      throw new ConcurrentModificationError(
        `template ${template.id} version ${template.version} does not follow`,
      );
    }
    this.versions.set(`${template.id}#${template.version}`, structuredClone(template));
  }

  private latest(id: string): LetterTemplateVersion | undefined {
    return [...this.versions.values()]
      .filter((template) => template.id === id)
      .sort((a, b) => b.version - a.version)[0];
  }
}
