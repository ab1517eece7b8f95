import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Stage } from './config';

/**
 * What differs between stages, in one place. Dev is disposable: `cdk destroy` removes it
 * completely. Staging and prod keep their data (the table, the user pool, the webhook secret,
 * the logs) when the stack or a resource is deleted or replaced by mistake.
 */
export interface StagePolicy {
  stage: Stage;
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  logRetention: RetentionDays;
}

export function stagePolicy(stage: Stage): StagePolicy {
  const disposable = stage === 'dev';
  return {
    stage,
    removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    deletionProtection: !disposable,
    // Logs hold ids, not personal data (see functions/shared/observability.ts); a year covers
    // a full dunning cycle and the audits that follow it.
    logRetention: disposable ? RetentionDays.TWO_WEEKS : RetentionDays.ONE_YEAR,
  };
}
