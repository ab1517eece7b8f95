import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_DESIGN } from '../../functions/adapters/dynamodb/table-design';
import type { StagePolicy } from '../stage-policy';

export interface StorageProps {
  policy: StagePolicy;
}

/** The single table of functions/adapters/dynamodb/table-design.ts, the one the local cloud creates too. */
export class Storage extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const key = (name: string) => ({ name, type: AttributeType.STRING });

    const table = new Table(this, 'Table', {
      partitionKey: key(TABLE_DESIGN.partitionKey),
      sortKey: key(TABLE_DESIGN.sortKey),
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      // Traffic follows the invoice cycle (a daily sweep, bursts of webhooks at month end):
      // on-demand costs nothing when idle and needs no capacity planning.
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS-managed key (aws/dynamodb) rather than a customer key: every use shows in CloudTrail,
      // and there is no key policy to keep in step with the functions' grants and no monthly
      // key cost. Nothing here needs what only a customer key gives (cross-account use,
      // revoking access by disabling the key).
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.policy.deletionProtection,
      removalPolicy: props.policy.removalPolicy,
    });
    for (const index of TABLE_DESIGN.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey:
          'sortKeyType' in index ? { name: index.sortKey, type: AttributeType.NUMBER } : key(index.sortKey),
        // Changing a deployed index's projection makes CloudFormation delete and rebuild the index.
        projectionType: index.projection === 'KEYS_ONLY' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
      });
    }
    this.table = table;
  }
}
