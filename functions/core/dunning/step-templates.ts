import type { StepKind } from './dunning-slot';

/**
 * The templates a dunning step can name, and the kinds of step each one is written for. The
 * policy validation reads this list, so a policy can only name a template that exists and fits.
 */
const TEMPLATE_STEP_KINDS = {
  /** Reminder to the debtor; the step's tone chooses the wording, from friendly to final. */
  'payment-reminder': ['reminder', 'final_notice'],
  /** The consumer's 14-dagenbrief (art. 6:96 lid 6 BW): after it, collection costs are due. */
  'fourteen-day-letter': ['reminder', 'final_notice'],
  /** Tells the debtor that the claim has gone to the collection agency. */
  'collection-agency-handover': ['collection_agency'],
  /** The brief for the credit controller who makes the call. */
  'call-task': ['call'],
  /** Tells the account manager that their customer does not pay. */
  'account-manager-alert': ['account_manager'],
  /**
   * The stuitingsbrief (art. 3:317 BW), sent by a controller when a claim is about to lapse; no
   * dunning step sends it.
   */
  'interruption-letter': [],
} as const satisfies Record<string, readonly StepKind[]>;

export type TemplateId = keyof typeof TEMPLATE_STEP_KINDS;

export const TEMPLATE_IDS = Object.keys(TEMPLATE_STEP_KINDS) as TemplateId[];

export function isTemplateId(id: string): id is TemplateId {
  return Object.hasOwn(TEMPLATE_STEP_KINDS, id);
}

export function templateFits(template: TemplateId, kind: StepKind): boolean {
  return (TEMPLATE_STEP_KINDS[template] as readonly StepKind[]).includes(kind);
}
