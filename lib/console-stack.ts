import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, NestedStack, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  OAuthScope,
  type IUserPool,
  type UserPoolDomain,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { CONSOLE_DIST } from '../console/dist-location';
import { acknowledgeWildcardAction, acknowledgeWildcardResource } from './nag';
import type { StagePolicy } from './stage-policy';

export interface ConsoleHostingProps {
  policy: StagePolicy;
  userPool: IUserPool;
  /** The user pool's hosted-UI domain, where the console signs in and out. */
  hostedUi: UserPoolDomain;
  restApi: RestApi;
  /** A domain of its own, with its ACM certificate in us-east-1; the distribution's own name when absent. */
  domain?: { name: string; certificateArn: string };
  /** The built console (index.html and assets/); console/dist by default. */
  distPath?: string;
}

/** The path the API answers under on the console's origin: `/api/invoices` is the API's `/invoices`. */
const API_PATH = '/api';

/**
 * The controllers' console in AWS: its build in a private S3 bucket behind CloudFront (Origin
 * Access Control), the API on the same origin under /api/ (so the browser needs no CORS), security
 * headers on every answer, and the Cognito app client it signs in with through the hosted UI
 * (authorization code with PKCE, no secret). A nested stack: the main stack is near
 * CloudFormation's 500 resources, and this one only reads it (the user pool, the hosted-UI
 * domain, the API), through parameters that are deployed with it rather than exports that would
 * pin the API's id.
 */
export class ConsoleHosting extends NestedStack {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly client: UserPoolClient;
  /** Where users open the console: https://<domain>/ (no trailing slash). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id, {
      description: "The controllers' console: its bucket, distribution and sign-in client",
    });
    const { policy } = props;
    const dist = props.distPath ?? CONSOLE_DIST;
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`The console is not built (${dist}): run \`npm run build:console\` before synth.`);

    // CloudFront's standard logs are written with ACLs: the one bucket that allows them, for the
    // site bucket's access logs too. Kept after the stack (logs are evidence), expiring on their own.
    const logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: policy.stage === 'dev' ? Duration.days(14) : Duration.days(365) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket holds the access logs of the console bucket and distribution; logging it to itself would loop',
    });

    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: policy.removalPolicy,
    });

    const hostedUi = props.hostedUi.baseUrl();
    const cognitoIdp = `https://cognito-idp.${Aws.REGION}.amazonaws.com`;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: "The console's security headers",
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        // The app, its API on the same origin, and Cognito: discovery at cognito-idp, tokens at the hosted UI.
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            `connect-src 'self' ${cognitoIdp} ${hostedUi}`,
            `form-action 'self' ${hostedUi}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    // /api/invoices reaches the API's stage as /invoices.
    const stripApiPath = new CloudFrontFunction(this, 'StripApiPath', {
      runtime: FunctionRuntime.JS_2_0,
      comment: `Removes ${API_PATH} from the path before the request reaches API Gateway`,
      code: FunctionCode.fromInline(
        `function handler(event) { var request = event.request; request.uri = request.uri.slice(${API_PATH.length}) || '/'; return request; }`,
      ),
    });

    const certificate = props.domain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Credit control console (${policy.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: {
        [`${API_PATH}/*`]: {
          origin: new RestApiOrigin(props.restApi),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Nothing of the API is cached; every header but Host (the Authorization header with
          // it) and the query string go to API Gateway.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ function: stripApiPath, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.domain && certificate ? { domainNames: [props.domain.name], certificate } : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the finance team works from wherever it travels, and every page needs a Cognito sign-in with MFA',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL: the bucket holds only the public build of the app, every API call needs a Cognito JWT, and the API stage throttles; an account-level WAF can be attached by the operator',
      },
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without a domain of its own the distribution uses CloudFront's default certificate, which cannot set a minimum TLS version; a consoleDomainName with its certificate sets TLSv1.2_2021",
      });
    }

    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
    const appUrl = `${this.url}/`;
    this.client = new UserPoolClient(this, 'ConsoleClient', {
      userPool: props.userPool,
      userPoolClientName: 'console',
      // A browser app keeps no secret: the authorization-code grant with PKCE, which Cognito
      // accepts from a client without a secret.
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [appUrl],
        logoutUrls: [appUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    // The hashed assets never change under their name; index.html and config.json are asked again
    // on every load, so a deployment reaches users at once.
    new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(join(dist, 'assets'))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      // Old assets stay for pages loaded before the deployment.
      prune: false,
    });
    new BucketDeployment(this, 'App', {
      sources: [
        Source.asset(dist, { exclude: ['assets', 'assets/**', '.inputs'] }),
        Source.jsonData('config.json', {
          authority: `${cognitoIdp}/${props.userPool.userPoolId}`,
          clientId: this.client.userPoolClientId,
          redirectUri: appUrl,
          postLogoutRedirectUri: appUrl,
          scope: 'openid email profile',
          apiBase: API_PATH,
          // Cognito's discovery document names no end_session_endpoint; its /logout wants these two.
          metadata: { end_session_endpoint: `${hostedUi}/logout` },
          signOutParams: { client_id: this.client.userPoolClientId, logout_uri: appUrl },
        }),
      ],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/', '/index.html', '/config.json'],
    });
    acknowledgeDeploymentFunction(this, this.bucket);

    new CfnOutput(this, 'ConsoleUrl', { value: appUrl });
  }
}

/**
 * CDK's BucketDeployment runs a Lambda function of its own (one per stack) with AWS's basic
 * execution role and wildcards over the bucket's objects, CDK's asset bucket and the
 * distribution's invalidations; each finding is acknowledged by name on that function.
 */
function acknowledgeDeploymentFunction(stack: NestedStack, site: Bucket): void {
  const fn = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!fn) throw new Error('The BucketDeployment function was not found');
  const why =
    "CDK's BucketDeployment function copies the console's build into its bucket at deployment and invalidates the distribution";
  Validations.of(fn).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: `${why}; it writes its logs with AWS's basic execution role`,
    },
    { id: 'AwsSolutions-L1', reason: `${why}; its runtime is the one CDK pins for it` },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${why}; CloudFront invalidations name no resource` },
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: `${why}; it reads the build from CDK's asset bucket`,
    },
  );
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'])
    acknowledgeWildcardAction(
      fn,
      action,
      `${why}; CDK grants it read and write on the buckets it copies between`,
    );
  acknowledgeWildcardResource(
    fn,
    `${site.bucketArn}/*`,
    `${why}; it writes and prunes any object of the console's bucket`,
  );
}
