import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface ProxyEventInput {
  request: IncomingMessage;
  url: URL;
  body: string;
  /** The route template, e.g. `/invoices/{id}`: API Gateway's `resource`. */
  resource: string;
  pathParameters: Record<string, string>;
  /** Flattened Cognito claims for JWT routes; absent for routes without an authorizer. */
  claims?: Record<string, string>;
  stage: string;
  requestId: string;
}

/**
 * The REST API (v1) proxy event API Gateway would send for this request: single-value maps keep
 * the last value, multi-value maps keep all, header names keep the client's casing, and every
 * empty map is null rather than {} (handlers written against `{}` break in AWS).
 */
export function toProxyEvent(input: ProxyEventInput): APIGatewayProxyEvent {
  const { request, url, resource, stage, requestId } = input;
  const method = request.method ?? 'GET';
  const headers = pairs(request.rawHeaders);
  const query = [...url.searchParams.entries()];
  const now = new Date();

  return {
    resource,
    path: url.pathname,
    httpMethod: method,
    headers: single(headers) ?? {},
    multiValueHeaders: multi(headers) ?? {},
    queryStringParameters: single(query),
    multiValueQueryStringParameters: multi(query),
    pathParameters: Object.keys(input.pathParameters).length > 0 ? input.pathParameters : null,
    stageVariables: null,
    body: input.body === '' ? null : input.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: input.claims ? { claims: input.claims } : null,
      domainName: request.headers.host ?? 'localhost',
      httpMethod: method,
      path: `/${stage}${url.pathname}`,
      protocol: `HTTP/${request.httpVersion}`,
      requestId,
      requestTime: gatewayTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: resource,
      stage,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        user: null,
        userAgent: request.headers['user-agent'] ?? null,
        userArn: null,
      },
    },
  };
}

function pairs(flat: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) result.push([flat[i]!, flat[i + 1]!]);
  return result;
}

function single(entries: [string, string][]): Record<string, string> | null {
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

function multi(entries: [string, string][]): Record<string, string[]> | null {
  if (entries.length === 0) return null;
  const result: Record<string, string[]> = {};
  for (const [name, value] of entries) result[name] = [...(result[name] ?? []), value];
  return result;
}

/** API Gateway's `requestTime`, e.g. "09/Apr/2015:12:34:56 +0000". */
function gatewayTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}
