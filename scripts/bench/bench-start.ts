/**
 * Virtual time at which every bench cloud starts: Monday 2 March 2026, 06:00 in Amsterdam, as in
 * the workflow tests. Invoices due the day before are overdue on arrival and dunned at once.
 */
export const BENCH_START = new Date('2026-03-02T05:00:00Z');
