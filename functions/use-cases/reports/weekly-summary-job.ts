/** The name of the summary's job in its schedule's event: `{ "job": "weekly-summary" }`. */
export const WEEKLY_SUMMARY_JOB = 'weekly-summary';
