import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORDER_SYSTEM_SCOPE, ROLES, ROUTES } from '../../functions/api/routes';
import type { CreditControlStack } from '../../lib/credit-control-stack';
import { synthesize } from './app-fixture';

interface MethodProperties {
  HttpMethod: string;
  ResourceId: { Ref: string };
  AuthorizationType: string;
  AuthorizerId?: unknown;
  Integration: { Type: string; Uri: unknown };
  RequestParameters: Record<string, boolean>;
}

describe('the API', () => {
  let stack: CreditControlStack;
  let template: Template;
  /** "GET /invoices/{id}" → the method's properties, from the API Gateway resource tree. */
  let methods: Map<string, MethodProperties>;
  beforeAll(() => {
    ({ stack, template } = synthesize('dev'));
    const resources = template.findResources('AWS::ApiGateway::Resource');
    const pathOf = (id: string): string => {
      const { ParentId, PathPart } = resources[id]?.Properties ?? {};
      return `${ParentId?.Ref ? pathOf(ParentId.Ref) : ''}/${PathPart}`;
    };
    methods = new Map(
      Object.values(template.findResources('AWS::ApiGateway::Method')).map(({ Properties: method }) => [
        `${method.HttpMethod} ${pathOf(method.ResourceId.Ref)}`,
        method,
      ]),
    );
  });

  const functionId = (name: string) =>
    stack.getLogicalId(stack.functions.get(name).lambda.node.defaultChild as CfnElement);

  it('has exactly the routes of the route table', () => {
    expect([...methods.keys()].sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s is served by its handler behind the authorization the table names',
    (key, route) => {
      const method = methods.get(key);
      expect(method?.Integration.Type).toBe('AWS_PROXY');
      expect(JSON.stringify(method?.Integration.Uri)).toContain(
        JSON.stringify({ 'Fn::GetAtt': [functionId(route.handler), 'Arn'] }),
      );
      if (route.auth.kind === 'jwt') {
        expect(method).toMatchObject({
          AuthorizationType: 'COGNITO_USER_POOLS',
          AuthorizerId: { Ref: expect.any(String) },
        });
      } else if (route.auth.kind === 'client-credentials') {
        expect(method).toMatchObject({
          AuthorizationType: 'COGNITO_USER_POOLS',
          AuthorizationScopes: [route.auth.scope],
        });
      } else {
        expect(method?.AuthorizationType).toBe('NONE');
        expect(method).not.toHaveProperty('AuthorizerId');
      }
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(method?.RequestParameters[`method.request.path.${name}`]).toBe(true);
      }
    },
  );

  it('gives the order system an app client of its own with the credit-check scope only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: [Match.anyValue()],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: ORDER_SYSTEM_SCOPE.split('/')[0],
      Scopes: [Match.objectLike({ ScopeName: ORDER_SYSTEM_SCOPE.split('/')[1] })],
    });
  });

  it('lets the invoicing system call its webhook without a JWT', () => {
    expect(methods.get('POST /webhooks/invoicing')?.AuthorizationType).toBe('NONE');
  });

  it('checks JWTs against the user pool', () => {
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('Users'), 'Arn'] }],
    });
  });

  it('has a user pool for invited staff only, with MFA and a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      UserPoolTier: 'PLUS',
    });
  });

  it('has a group per role', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    for (const role of ROLES)
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('serves the stage named after the stage, traced, access-logged and throttled', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 })],
    });
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestParameters: true,
      ValidateRequestBody: true,
    });
  });
});
