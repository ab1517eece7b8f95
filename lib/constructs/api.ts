import { Aws, CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  type IResource,
  LambdaIntegration,
  LogGroupLogDestination,
  type MethodOptions,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ORDER_SYSTEM_SCOPE, ROLES, type Role, type RouteSpec } from '../../functions/api/routes';
import { pascalCase } from '../names';
import type { StagePolicy } from '../stage-policy';
import type { Functions } from './functions';

export interface ApiProps {
  policy: StagePolicy;
  routes: readonly RouteSpec[];
  functions: Functions;
}

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  controller: 'Credit controllers: the daily task list, call outcomes, promises and disputes',
  manager: 'Finance managers: portfolio reports and approvals',
  admin: 'Administrators: dunning policies, users and settings',
  special: 'Special management: debtors in financial trouble, insolvencies, write-offs and VAT relief',
};

const SIGNED_WEBHOOK =
  'authenticated by the Standard Webhooks HMAC signature in the handler: the invoicing system has no Cognito user';

const SIGNED_LINK =
  "authenticated by the debtor's HMAC-signed, expiring link in the path, checked in the handler: debtors never sign in";

/**
 * The REST API of functions/api/routes.ts (the table the local API shim serves too): Cognito
 * JWTs on every `jwt` route, nothing in front of `webhook-signature` routes, whose handler
 * checks the signature, nor of `none` routes, whose handler checks with the sender. Which group may call a route is checked by the handler against the
 * same table: a Cognito authorizer only proves the token.
 */
export class Api extends Construct {
  readonly restApi: RestApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The order system's app client: client-credentials grant, the credit-check scope only. */
  readonly orderSystemClient: UserPoolClient;
  /** The hosted UI's domain: the order system's token endpoint and the console's sign-in. */
  readonly hostedUi: UserPoolDomain;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { policy } = props;

    this.userPool = new UserPool(this, 'Users', {
      // Finance staff are invited by an administrator; debtors never sign in.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // The API shows debtors' personal and financial data: a second factor for everyone, by
      // authenticator app (SMS would need an SNS spending limit and is weaker).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection blocks sign-ins with leaked credentials or unusual risk; for a few
      // dozen finance users the Plus tier costs little.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: policy.deletionProtection,
      removalPolicy: policy.removalPolicy,
    });
    for (const role of ROLES) {
      new UserPoolGroup(this, `${pascalCase(role)}Group`, {
        userPool: this.userPool,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
      });
    }
    this.userPoolClient = this.userPool.addClient('WebClient', {
      // Sign-in by SRP from the controllers' front end; no hosted UI, so no OAuth flows and
      // none of CDK's placeholder callback URLs.
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });

    // The order system is a machine: its own app client with a secret, the client-credentials
    // grant and one scope, which only the credit-check route of the order system accepts.
    const [identifier, scopeName] = ORDER_SYSTEM_SCOPE.split('/') as [string, string];
    const creditCheckScope = new ResourceServerScope({
      scopeName,
      scopeDescription: 'The credit check of an order',
    });
    const resourceServer = new UserPoolResourceServer(this, 'Scopes', {
      userPool: this.userPool,
      identifier,
      userPoolResourceServerName: 'Credit control',
      scopes: [creditCheckScope],
    });
    const domain = (this.hostedUi = this.userPool.addDomain('TokenDomain', {
      cognitoDomain: { domainPrefix: `credit-control-${policy.stage}-${Aws.ACCOUNT_ID}` },
    }));
    this.orderSystemClient = this.userPool.addClient('OrderSystemClient', {
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        scopes: [OAuthScope.resourceServer(resourceServer, creditCheckScope)],
      },
      accessTokenValidity: Duration.hours(1),
    });
    new CfnOutput(this, 'OrderSystemClientId', { value: this.orderSystemClient.userPoolClientId });
    new CfnOutput(this, 'OrderSystemTokenUrl', { value: `${domain.baseUrl()}/oauth2/token` });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: policy.logRetention,
      removalPolicy: policy.removalPolicy,
    });
    this.restApi = new RestApi(this, 'RestApi', {
      restApiName: `credit-control-${policy.stage}`,
      description: 'Credit control: the API of the credit controllers and the invoicing webhook',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Execution logs need the account-wide API Gateway logging role, which one stack must not
      // own; access logs and X-Ray cover each request.
      cloudWatchRole: false,
      deployOptions: {
        stageName: policy.stage,
        tracingEnabled: true,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
        // Far above what a finance team and one invoicing system send; a runaway client hits
        // this instead of the table's bill.
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
      },
    });
    Validations.of(this.restApi.deploymentStage).acknowledge(
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'No WAF web ACL: every route needs a Cognito JWT or a valid HMAC signature, and stage throttling caps abuse; an account-level WAF can be attached by the operator',
      },
      {
        id: 'AwsSolutions-APIG6',
        reason:
          'Execution logging needs the account-wide API Gateway CloudWatch role, which this stack must not own; access logs and X-Ray tracing record every request',
      },
    );

    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [this.userPool],
    });
    const requestValidator = this.restApi.addRequestValidator('Requests', {
      // Path parameters are declared required below. Bodies are checked only for methods that
      // declare a request model; none does: the handlers' zod schemas define body shapes.
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const integrations = new Map<string, LambdaIntegration>();
    for (const route of props.routes) {
      let integration = integrations.get(route.handler);
      if (!integration) {
        // One invoke permission per function, for this API, not one per route: a function that
        // serves several routes would otherwise cost the stack a resource per route, and a
        // CloudFormation stack holds at most 500. No test invocation from the console either way.
        integration = new LambdaIntegration(props.functions.get(route.handler).lambda, {
          scopePermissionToMethod: false,
        });
        integrations.set(route.handler, integration);
      }
      const options: MethodOptions = {
        requestValidator,
        requestParameters: Object.fromEntries(
          [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => [
            `method.request.path.${name}`,
            true,
          ]),
        ),
      };
      const resource: IResource = this.restApi.root.resourceForPath(route.path);
      switch (route.auth.kind) {
        case 'jwt':
          resource.addMethod(route.method, integration, {
            ...options,
            authorizer,
            authorizationType: AuthorizationType.COGNITO,
          });
          break;
        case 'client-credentials':
          resource.addMethod(route.method, integration, {
            ...options,
            authorizer,
            authorizationType: AuthorizationType.COGNITO,
            authorizationScopes: [route.auth.scope],
          });
          break;
        case 'signed-link':
        case 'webhook-signature': {
          const method = resource.addMethod(route.method, integration, {
            ...options,
            authorizationType: AuthorizationType.NONE,
          });
          Validations.of(method).acknowledge(
            {
              id: 'AwsSolutions-APIG4',
              reason: route.auth.kind === 'signed-link' ? SIGNED_LINK : SIGNED_WEBHOOK,
            },
            {
              id: 'AwsSolutions-COG4',
              reason: route.auth.kind === 'signed-link' ? SIGNED_LINK : SIGNED_WEBHOOK,
            },
          );
          break;
        }
        case 'none': {
          const method = resource.addMethod(route.method, integration, {
            ...options,
            authorizationType: AuthorizationType.NONE,
          });
          Validations.of(method).acknowledge(
            { id: 'AwsSolutions-APIG4', reason: route.auth.why },
            { id: 'AwsSolutions-COG4', reason: route.auth.why },
          );
          break;
        }
      }
    }
  }
}

/**
 * One JSON line per request. The caller appears as the Cognito `sub` (a pseudonymous id) and
 * the source IP, which the webhook's abuse investigations need; no names or email addresses.
 */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: AccessLogField.contextRequestId(),
      time: AccessLogField.contextRequestTime(),
      method: AccessLogField.contextHttpMethod(),
      resource: AccessLogField.contextResourcePath(),
      status: AccessLogField.contextStatus(),
      latencyMs: AccessLogField.contextResponseLatency(),
      sourceIp: AccessLogField.contextIdentitySourceIp(),
      userSub: AccessLogField.contextAuthorizerClaims('sub'),
      error: AccessLogField.contextErrorMessage(),
      traceId: AccessLogField.contextXrayTraceId(),
    }),
  );
}
