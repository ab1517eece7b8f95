import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../adapters/dynamodb/dynamodb-credit-store';
import type { CreditStore } from '../../ports/credit-store';
import { tracer } from '../observability';
import { oncePerEnvironment, required } from './once-per-environment';

export { clock } from '../../adapters/clock/system-clock';

export const creditStore = oncePerEnvironment<CreditStore>(
  ['TABLE_NAME', 'AWS_ENDPOINT_URL_DYNAMODB'],
  () => new DynamoDbCreditStore(tracer.captureAWSv3Client(new DynamoDBClient({})), required('TABLE_NAME')),
);
