import * as z from 'zod';

const instalmentTimes = z.object({
  number: z.number().int().min(1),
  reminderAt: z.string().min(1),
  checkAt: z.string().min(1),
});

/** What every task state of statemachines/payment-plan.asl.json passes to its Lambda. */
export const planStepPayloadSchema = z.object({
  planId: z.string().min(1),
  execution: z.string().min(1),
  instalment: instalmentTimes,
});

export type PlanStepPayload = z.infer<typeof planStepPayloadSchema>;
