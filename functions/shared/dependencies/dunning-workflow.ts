import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow';
import type { DunningWorkflow } from '../../ports/workflow';
import { tracer } from '../observability';
import { oncePerEnvironment, required } from './once-per-environment';

export const dunningWorkflow = oncePerEnvironment<DunningWorkflow>(
  ['DUNNING_STATE_MACHINE_ARN', 'AWS_ENDPOINT_URL_SFN'],
  () =>
    new StepFunctionsWorkflow(
      tracer.captureAWSv3Client(new SFNClient({})),
      required('DUNNING_STATE_MACHINE_ARN'),
    ),
);
