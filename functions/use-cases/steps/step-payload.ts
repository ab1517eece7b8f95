import * as z from 'zod';
import { DUNNING_SLOTS } from '../../core/dunning/dunning-slot';

/** What every task state of statemachines/dunning.asl.json passes to its Lambda. */
export const stepPayloadSchema = z.object({
  invoiceId: z.string().min(1),
  execution: z.string().min(1),
  step: z.enum(DUNNING_SLOTS),
  /** The slot the execution resumes at; the first task receives it (see ./resumes-later.ts). */
  resumeAt: z.enum(DUNNING_SLOTS).optional(),
});

export type StepPayload = z.infer<typeof stepPayloadSchema>;

/** CallDebtor adds the token the controller's outcome is sent to. */
export const callStepPayloadSchema = stepPayloadSchema.extend({ taskToken: z.string().min(1) });

export type CallStepPayload = z.infer<typeof callStepPayloadSchema>;

/**
 * RecordUnansweredCall: the call step's window ended without an outcome. The state parks on
 * `taskToken` for `parkSeconds`, which the plan made end at `accountManagerAt`.
 */
export const callWindowEndedPayloadSchema = stepPayloadSchema.extend({
  windowEnded: z.literal(true),
  taskToken: z.string().min(1),
  accountManagerAt: z.iso.datetime(),
  parkSeconds: z.number().int().positive(),
});

export type CallWindowEndedPayload = z.infer<typeof callWindowEndedPayloadSchema>;

/**
 * A step that parks after acting, until the next step (see ./park-until-next-step.ts). Without
 * `park` for an execution started before the steps parked: such a task answers as it always did.
 */
export const parkingStepPayloadSchema = stepPayloadSchema.extend({
  park: z
    .object({
      taskToken: z.string().min(1),
      nextStepAt: z.iso.datetime(),
      seconds: z.number().int().positive(),
    })
    .optional(),
});
