import { App } from 'aws-cdk-lib';
import { buildCreditControlApp } from '../lib/credit-control-app';

/**
 * The CDK app. Settings come from CDK context (cdk.json, or `-c key=value`), checked before
 * anything is built (lib/config.ts):
 *
 *   stage                  dev | staging | prod (required). Names the stack CreditControl-<stage>.
 *                          dev is disposable (DESTROY, no deletion protection, 2-week logs);
 *                          staging and prod retain data and keep logs for a year.
 *   account, region        AWS account id and region to pin the stack to (optional; default:
 *                          environment-agnostic, deployed where the CLI credentials point).
 *   senderEmail            From address of debtor emails (required); becomes an SES email
 *                          identity, verified by the link SES mails to it on the first deploy.
 *   replyToEmail           Reply-To of debtor emails, where debtors' answers go (default: senderEmail).
 *                          Each letter adds its token (debiteuren+<token>@…); SES receives mail for
 *                          this address's domain (point its MX at SES inbound; a subdomain is best).
 *   replyMailRetentionDays How long the raw replies are kept in their bucket (default 730).
 *   traceCalls             true: the functions that call services besides their table load
 *                          Powertools' tracer, a subsegment per call (default false: Lambda's
 *                          active tracing alone, and a shorter cold start).
 *   alarmEmail             Subscribed to the alerts topic (optional; empty: no subscription).
 *   reportRecipients       Managers who get the weekly summary on Monday 07:00, comma-separated
 *                          (optional; empty: it is not sent).
 *   selfServiceBaseUrl     https address the letters' self-service links start with, e.g. a
 *                          custom domain (optional; default: the API's execute-api address).
 *   selfServiceMinimumPayment
 *                          the least part, in cents, a debtor may pay online from their page
 *                          (default 1000, EUR 10; 0: only the whole of the chosen invoices).
 *   creditorName           Legal name of the creditor on letters and in the payment QR code.
 *   creditorIban           IBAN debtors pay into (checked with ISO 13616 mod 97).
 *   creditorBic            BIC of that account (8 or 11 characters).
 *                          The three above are required outside dev; dev defaults to a demo
 *                          creditor (Voorbeeld Groothandel B.V., NL91ABNA0417164300, ABNANL2A).
 *   creditorKvkNumber      Chamber of Commerce (KvK) number, 8 digits, and
 *   creditorVatId          VAT id (NL001234567B01): in every letter's footer (art. 20
 *                          Handelsregisterwet 2007); required outside dev (dev: demo values).
 *   senderName             Display name of the From line (default: creditorName).
 *   collectionAgencyName   The agency a final notice names (optional: "een incassobureau").
 *   creditorEmail          Contact address printed on letters (default: replyToEmail).
 *   creditorPhone, creditorWebsite, creditorAddress
 *                          Contact details printed on letters (optional; dev: demo values).
 *   consoleDomainName, consoleCertificateArn
 *                          The console's own domain and its ACM certificate in us-east-1
 *                          (optional, both or neither; default: the CloudFront distribution's name).
 *   paymentReferenceScheme rf | betalingskenmerk: structured payment reference on letters
 *                          (default: rf, ISO 11649).
 *   overdueWeekOnWeekAlarmPercent
 *                          The alarm pages when a currency's overdue amount is up more than this
 *                          percentage on seven days before (default: 10).
 *   smsSenderId            The sender a debtor's phone shows for a text: 1 to 11 letters and
 *                          digits (optional; SNS's default sender when absent).
 */
buildCreditControlApp(new App());
