/** 'send-dunning-letter' → 'SendDunningLetter': construct ids and ASL placeholders. */
export function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z0-9])/g, (_match, _dash, c: string) => c.toUpperCase());
}

/** 'SendDunningLetter' → 'send-dunning-letter': the catalogue name behind an ASL placeholder. */
export function kebabCase(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
