import type { SnsError } from './sns-error';

const NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** `<name>value</name>` with the value escaped; nothing when the value is absent. */
export function element(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;
}

/** A list the Query protocol way: each item wrapped in <member>. */
export function members(name: string, items: string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join('')}</${name}>`;
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` as SNS answers. */
export function successXml(action: string, resultXml: string, requestId: string): string {
  return `<?xml version="1.0"?>
<${action}Response xmlns="${NAMESPACE}"><${action}Result>${resultXml}</${action}Result><ResponseMetadata>${element('RequestId', requestId)}</ResponseMetadata></${action}Response>`;
}

export function errorXml(error: SnsError, requestId: string): string {
  return `<?xml version="1.0"?>
<ErrorResponse xmlns="${NAMESPACE}"><Error>${element('Type', error.type)}${element('Code', error.code)}${element('Message', error.message)}</Error>${element('RequestId', requestId)}</ErrorResponse>`;
}
