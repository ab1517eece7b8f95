import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
} from 'aws-cdk-lib/aws-ses';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { TopicName } from '../../functions/catalogue';
import { pascalCase } from '../names';
import type { StagePolicy } from '../stage-policy';

/** Every topic of the catalogue; a `Record` so that a new TopicName cannot be forgotten here. */
const TOPIC_DISPLAY_NAMES: Record<TopicName, string> = {
  'call-tasks': 'Call tasks for credit controllers',
  'account-managers': 'Escalations to account managers',
  'collection-agency': 'Claims handed over to the collection agency',
  alerts: 'Credit control alarms',
  'email-events': 'Deliveries, bounces and complaints of dunning emails',
  disputes: 'Disputes raised by debtors, by cause',
  'credit-status': 'Credit holds set and lifted, for the order system',
  'customer-rewards': 'Good payers and the reward suggested for them, for sales and the CRM',
  'print-queue': 'Letters by post for the print-and-mail service',
};

export interface MessagingProps {
  policy: StagePolicy;
  senderEmail: string;
  replyToEmail: string;
  /** Subscribed to the alerts topic when given. */
  alarmEmail?: string;
}

/** What a function needs to send email: the identity and configuration set it may use. */
export interface EmailSending {
  identity: EmailIdentity;
  configurationSet: ConfigurationSet;
  senderEmail: string;
  replyToEmail: string;
}

/** The SNS topics and the SES sending setup: everything that leaves the system as a message. */
export class Messaging extends Construct {
  readonly topics: Readonly<Record<TopicName, ITopic>>;
  readonly email: EmailSending;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);

    // A customer key, not aws/sns: CloudWatch alarms and SES event publishing cannot use the
    // AWS-managed key, whose policy cannot name them.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the credit-control SNS topics',
      enableKeyRotation: true,
      removalPolicy: props.policy.removalPolicy,
    });
    const servicesThatPublish = ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'];
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: servicesThatPublish.map((service) => new ServicePrincipal(service)),
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );

    const topics = {} as Record<TopicName, Topic>;
    for (const [name, displayName] of Object.entries(TOPIC_DISPLAY_NAMES) as [TopicName, string][]) {
      topics[name] = new Topic(this, pascalCase(name), { displayName, masterKey: key, enforceSSL: true });
    }
    this.topics = topics;
    allowServiceToPublish(topics.alerts, 'cloudwatch.amazonaws.com');
    allowServiceToPublish(topics['email-events'], 'ses.amazonaws.com');
    if (props.alarmEmail) topics.alerts.addSubscription(new EmailSubscription(props.alarmEmail));

    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // Per-configuration-set bounce and complaint rates, which the bounce-rate alarm watches.
      reputationMetrics: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    configurationSet.addEventDestination('ToEmailEvents', {
      destination: EventDestination.snsTopic(topics['email-events']),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY],
    });
    // SES sends a verification link to this address on the first deploy; until it is clicked
    // (and while the account is in the SES sandbox) only verified recipients receive mail.
    const identity = new EmailIdentity(this, 'Sender', {
      identity: Identity.email(props.senderEmail),
      configurationSet,
    });
    this.email = {
      identity,
      configurationSet,
      senderEmail: props.senderEmail,
      replyToEmail: props.replyToEmail,
    };
  }
}

function allowServiceToPublish(topic: Topic, service: string): void {
  topic.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal(service)],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  );
}
