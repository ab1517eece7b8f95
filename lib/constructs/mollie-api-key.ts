import { Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StagePolicy } from '../stage-policy';

export interface MollieApiKeyProps {
  policy: StagePolicy;
}

/**
 * Mollie's API key (`test_…` or `live_…`), read only by the functions that call Mollie. The stack
 * generates a placeholder so that a first deploy works (Mollie refuses it until the real key is
 * set); the key is set once after the deploy, without a redeploy:
 *
 *   aws secretsmanager put-secret-value --secret-id <MollieApiKeyArn output> --secret-string 'live_…'
 */
export class MollieApiKey extends Construct {
  readonly secret: ISecret;

  constructor(scope: Construct, id: string, props: MollieApiKeyProps) {
    super(scope, id);
    const secret = new Secret(this, 'Secret', {
      description: "Mollie's API key (test_... or live_...) for payment links and payments",
      generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.policy.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Mollie issues the API key in its dashboard; it is set here by hand when it changes (see the README), so Secrets Manager cannot rotate it',
    });
    this.secret = secret;
  }
}
