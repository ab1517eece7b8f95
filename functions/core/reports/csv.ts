/** One cell: text, a number as it is, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * A CSV document (RFC 4180) every report writes the same way: a header row, then one row per
 * line, CRLF between rows. A cell holding a comma, a quote or a line break is quoted; text that
 * a spreadsheet would run as a formula (=, +, -, @ at its start, and not a number) gets a leading
 * apostrophe, so that a debtor's name cannot become one.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cents as euros (or another currency's major unit) with two decimals: 123456 → "1234.56". */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}
