import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCreditControlApp } from '../../lib/credit-control-app';
import { buildApp, CONTEXT } from './app-fixture';

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-console';

describe("the console's hosting", () => {
  let app: App;
  let main: Template;
  let hosting: Template;
  beforeAll(() => {
    const built = buildApp('dev');
    app = built.app;
    main = Template.fromStack(built.stack);
    hosting = Template.fromStack(built.stack.console);
  });

  it('lives in a nested stack of its own, one resource of the main stack', () => {
    expect(Object.keys(main.findResources('AWS::CloudFront::Distribution'))).toEqual([]);
    expect(Object.keys(main.findResources('AWS::S3::Bucket'))).toEqual([]);
    main.hasOutput('ConsoleUrl', {});
  });

  it('keeps the build in a private, encrypted bucket that refuses plain HTTP and logs its access', () => {
    hosting.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'site/' },
    });
    const policies = Object.values(hosting.findResources('AWS::S3::BucketPolicy'));
    for (const policy of policies) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
    // CloudFront reads the bucket through Origin Access Control, nothing else does.
    hosting.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('serves it over HTTPS only, with the API on the same origin under /api/ and nothing of it cached', () => {
    hosting.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: Match.arrayWith(['PUT', 'POST', 'DELETE']),
            // CachingDisabled, AllViewerExceptHostHeader: AWS's managed policies.
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
            FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
          }),
        ],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('sends the security headers: HSTS, a CSP for the app, its API and Cognito, nosniff, no framing, no referrer', () => {
    const [policy] = Object.values(hosting.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const security = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 31_536_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    const csp = JSON.stringify(security.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      'https://cognito-idp.',
      '.auth.',
      'amazoncognito.com',
    ])
      expect(csp).toContain(directive);
  });

  it("signs in with an app client of its own: the authorization code grant without a secret, back to the distribution's address", () => {
    hosting.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email', 'profile']),
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('Distribution'), 'DomainName'] }, '/'],
          ],
        },
      ],
      LogoutURLs: [
        {
          'Fn::Join': [
            '',
            ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('Distribution'), 'DomainName'] }, '/'],
          ],
        },
      ],
    });
  });

  it('deploys the build, and a config.json filled in at deployment with the user pool, the client, the hosted UI and the address', () => {
    const deployments = Object.values(hosting.findResources('Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2);
    // config.json is written with these values in the deployment's markers: the pool, the app
    // client, the hosted-UI domain and the distribution's name.
    const markers = JSON.stringify(deployments.map((deployment) => deployment.Properties.SourceMarkers));
    for (const reference of ['ApiUsers', 'ConsoleClient', 'TokenDomain', 'Distribution'])
      expect(markers).toContain(reference);
    hosting.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'assets/',
      Prune: false,
    });
    hosting.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/', '/index.html', '/config.json'],
      Exclude: ['assets/*'],
    });
  });

  it('finds nothing with cdk-nag that is not acknowledged', () => {
    app.synth();
    const { violations } = new AwsSolutionsChecks().validateScope(app);
    const findings = violations
      .flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      )
      .filter((finding) => finding.includes('/Console/'));
    expect(findings).toEqual([]);
  });

  it("takes a domain of its own with its certificate, and then TLS 1.2 at least, and the domain's callback", () => {
    const prod = new App({
      context: {
        ...CONTEXT.prod,
        consoleDomainName: 'console.example.com',
        consoleCertificateArn: CERTIFICATE,
        'aws:cdk:bundling-stacks': [],
      },
      builtinCloudFormationValidation: false,
    });
    const template = Template.fromStack(buildCreditControlApp(prod).console);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['console.example.com'],
        ViewerCertificate: Match.objectLike({
          AcmCertificateArn: CERTIFICATE,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.example.com/'],
    });
  });

  it('refuses a console domain without its certificate, or a certificate outside us-east-1', () => {
    const build = (context: Record<string, string>) => () =>
      buildCreditControlApp(new App({ context: { ...CONTEXT.dev, ...context } }));
    expect(build({ consoleDomainName: 'console.example.com' })).toThrow(/go together/);
    expect(
      build({
        consoleDomainName: 'console.example.com',
        consoleCertificateArn: CERTIFICATE.replace('us-east-1', 'eu-west-1'),
      }),
    ).toThrow(/us-east-1/);
  });
});
