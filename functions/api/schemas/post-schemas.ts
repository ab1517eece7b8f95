import * as z from 'zod';
import { calendarDate, recordId, text } from './fields';

export const letterIdPath = z.object({
  id: recordId.describe("The letter's id, as the print order on print-queue carried it (letterId)"),
});

export const letterDeliveryBody = z.object({
  deliveredOn: calendarDate.describe('The day the post delivered the registered letter'),
  trackingCode: text(64)
    .min(1, 'must not be empty')
    .optional()
    .describe("The post's track-and-trace code of the registered letter"),
});
