import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planStepHandler } from '../shared/step/plan-step-handler';
import { checkInstalment } from '../use-cases/plans/check-instalment';

const deps = { store: creditStoreFromEnvironment(), clock };

/** CheckInstalment of the payment-plan state machine: its answer is the execution's next input. */
export const handler = planStepHandler((payload) => checkInstalment(deps, payload));
