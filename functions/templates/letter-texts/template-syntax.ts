/**
 * The placeholder syntax of letter templates: `{{name}}` prints a value, `{{#name}}…{{/name}}`
 * shows its content when the value is there, `{{^name}}…{{/name}}` when it is not. Nothing else:
 * no expressions, no calls, no HTML (the layouts escape the whole paragraph). Parsing and
 * rendering are pure functions.
 */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: TemplateNode[] };

export type Parsed = { ok: true; nodes: TemplateNode[] } | { ok: false; problem: string };

const TAG = /\{\{([^{}]*)\}\}/g;
const NAME = /^\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9]{0,39})\s*$/;

export function parseTemplate(source: string): Parsed {
  const root: TemplateNode[] = [];
  const open: { name: string; inverted: boolean; children: TemplateNode[] }[] = [];
  const target = () => open.at(-1)?.children ?? root;
  let at = 0;
  for (const match of source.matchAll(TAG)) {
    const text = source.slice(at, match.index);
    const stray = strayBrace(text);
    if (stray) return { ok: false, problem: stray };
    if (text) target().push({ kind: 'text', text });
    at = match.index + match[0].length;
    const tag = NAME.exec(match[1] ?? '');
    if (!tag)
      return {
        ok: false,
        problem: `"${match[0]}" is no placeholder: write {{name}}, {{#name}}, {{^name}} or {{/name}}`,
      };
    const [, sigil, name = ''] = tag;
    if (sigil === '#' || sigil === '^') {
      open.push({ name, inverted: sigil === '^', children: [] });
    } else if (sigil === '/') {
      const section = open.pop();
      if (!section) return { ok: false, problem: `{{/${name}}} closes no section` };
      if (section.name !== name)
        return {
          ok: false,
          problem: `{{/${name}}} closes {{${section.inverted ? '^' : '#'}${section.name}}}`,
        };
      target().push({ kind: 'section', ...section });
    } else {
      target().push({ kind: 'value', name });
    }
  }
  const rest = source.slice(at);
  const stray = strayBrace(rest);
  if (stray) return { ok: false, problem: stray };
  if (rest) target().push({ kind: 'text', text: rest });
  const unclosed = open.at(-1);
  if (unclosed)
    return { ok: false, problem: `{{${unclosed.inverted ? '^' : '#'}${unclosed.name}}} is not closed` };
  return { ok: true, nodes: root };
}

function strayBrace(text: string): string | undefined {
  return text.includes('{{') || text.includes('}}')
    ? `a "{{" or "}}" without its other half in "${text.trim().slice(0, 40)}"`
    : undefined;
}

export interface NameUse {
  name: string;
  /** Printed as a value, or opening a section. */
  as: 'value' | 'section';
  /** Whether it stands inside a section, which may not show. */
  inSection: boolean;
}

/** Every placeholder named, how, and whether inside a section. */
export function namesIn(nodes: readonly TemplateNode[], inSection = false): NameUse[] {
  return nodes.flatMap((node): NameUse[] => {
    if (node.kind === 'text') return [];
    if (node.kind === 'value') return [{ name: node.name, as: 'value', inSection }];
    return [{ name: node.name, as: 'section', inSection }, ...namesIn(node.children, true)];
  });
}

/** A value that is there: defined and not empty. */
export type TemplateValues = Readonly<Record<string, string | undefined>>;

export function renderNodes(nodes: readonly TemplateNode[], values: TemplateValues): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'value') return values[node.name] ?? '';
      const present = Boolean(values[node.name]);
      return present !== node.inverted ? renderNodes(node.children, values) : '';
    })
    .join('');
}

/** The block a paragraph is, when it holds one placeholder and nothing else. */
export function blockOf(paragraph: string): string | undefined {
  return /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}\s*$/.exec(paragraph)?.[1];
}
