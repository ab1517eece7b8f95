import { Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StagePolicy } from '../stage-policy';

export interface WebhookSecretProps {
  policy: StagePolicy;
  /** Who issues the secret; the invoicing system unless told. */
  issuer?: string;
}

/**
 * The Standard Webhooks signing secret of the invoicing system. The stack generates a random
 * placeholder so that a first deploy works; the real value is issued by the invoicing system
 * (`whsec_…`) and set once after the deploy, without a redeploy:
 *
 *   aws secretsmanager put-secret-value --secret-id <WebhookSecretArn output> --secret-string 'whsec_…'
 *
 * CloudFormation does not touch the value again, so later deploys keep it.
 */
export class WebhookSecret extends Construct {
  readonly secret: ISecret;

  constructor(scope: Construct, id: string, props: WebhookSecretProps) {
    super(scope, id);
    const secret = new Secret(this, 'Secret', {
      description: `Standard Webhooks signing secret (whsec_...) of ${props.issuer ?? 'the invoicing system'}`,
      // 32 letters and digits read as base64 give a 24-byte key: a valid secret until the real one is set.
      generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.policy.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: `${props.issuer ?? 'The invoicing system'} issues and rotates this secret; it is set here by hand when it changes (see the README), so Secrets Manager cannot rotate it`,
    });
    this.secret = secret;
  }
}
