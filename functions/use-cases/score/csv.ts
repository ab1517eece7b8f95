/**
 * CSV a spreadsheet opens: a header row, CRLF line ends (RFC 4180), a field quoted when it holds
 * a comma, a quote or a line break. A text that starts like a formula (`=`, `+`, `-`, `@`) gets a
 * leading apostrophe, so that a debtor's name never runs as one in the spreadsheet.
 */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Cents as units with two decimals, as finance reads them: 123456 → 1234.56. */
export function units(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
