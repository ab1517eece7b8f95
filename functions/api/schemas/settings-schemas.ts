import * as z from 'zod';
import { calendarDate, text } from './fields';

/** PUT /settings/sending: the switch that holds every automatic step, and why. */
export const sendingBody = z.object({
  paused: z.boolean().describe('true holds every automatic letter, call, escalation and hand-over'),
  reason: text(500)
    .trim()
    .min(1, 'reason must not be empty')
    .describe('Why: shown to everyone who reads the setting, and kept with it'),
});

/** GET /outbox: the day whose automatic steps are listed. */
export const outboxQuery = z.object({
  date: calendarDate.describe('The day whose automatic steps are listed, YYYY-MM-DD'),
});
