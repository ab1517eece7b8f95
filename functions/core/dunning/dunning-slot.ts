/**
 * The slots of the dunning state machine, in the order it runs them. A policy fills some or all
 * of them; a slot it leaves out is skipped by its task without extra states (see
 * statemachines/dunning.asl.json).
 */
export const DUNNING_SLOTS = [
  'firstReminder',
  'secondReminder',
  'call',
  'accountManager',
  'finalNotice',
  'collectionAgency',
] as const;

export type DunningSlot = (typeof DUNNING_SLOTS)[number];

export type StepKind = 'reminder' | 'call' | 'account_manager' | 'final_notice' | 'collection_agency';

/** Which kind of step each slot holds. */
export const SLOT_KIND: Record<DunningSlot, StepKind> = {
  firstReminder: 'reminder',
  secondReminder: 'reminder',
  call: 'call',
  accountManager: 'account_manager',
  finalNotice: 'final_notice',
  collectionAgency: 'collection_agency',
};

export type Tone = 'friendly' | 'firm' | 'formal' | 'final';
export type Channel = 'email' | 'letter' | 'phone' | 'notification' | 'sms';

/** Every step kind, as the policy schema accepts them. */
export const STEP_KINDS = [
  'reminder',
  'call',
  'account_manager',
  'final_notice',
  'collection_agency',
] as const satisfies readonly StepKind[];

/** Every tone, mildest first: the order in which the letters grow firmer as the arrears grow. */
export const TONES = ['friendly', 'firm', 'formal', 'final'] as const satisfies readonly Tone[];

export const CHANNELS = [
  'email',
  'letter',
  'phone',
  'notification',
  'sms',
] as const satisfies readonly Channel[];
