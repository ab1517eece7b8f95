import type { Mailer } from '../../ports/mailer';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import type { CreditorDetails } from '../../shared/creditor';
import type { DunningDeps } from '../dunning/start-dunning';

/** What the payment-plan use cases work with: the dunning's ports, the plan's workflow, email and the creditor. */
export interface PlanDeps extends DunningDeps {
  plans: PlanWorkflow;
  mailer: Mailer;
  creditor: CreditorDetails;
}
