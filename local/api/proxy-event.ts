import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** What API Gateway knows of a request when it builds the proxy event. */
export interface GatewayRequest {
  method: string;
  path: string;
  /** In order, repeated names kept: the query string and the headers as the client sent them. */
  query: [string, string][];
  headers: [string, string][];
  body: string;
  /** The route template, e.g. `/invoices/{id}`: API Gateway's `resource`. */
  resource: string;
  pathParameters: Record<string, string>;
  /** Flattened Cognito claims for JWT routes; absent for routes without an authorizer. */
  claims?: Record<string, string>;
  stage: string;
  requestId: string;
  host: string;
  protocol: string;
  sourceIp: string;
  userAgent: string | null;
}

/** A request the local API shim received over HTTP, and what its routing found out. */
export type ProxyEventInput = Pick<
  GatewayRequest,
  'body' | 'resource' | 'pathParameters' | 'claims' | 'stage' | 'requestId'
> & { request: IncomingMessage; url: URL };

/** The proxy event for a request the local API shim received over HTTP. */
export function toProxyEvent(input: ProxyEventInput): APIGatewayProxyEvent {
  const { request, url } = input;
  return proxyEvent({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers: pairs(request.rawHeaders),
    body: input.body,
    resource: input.resource,
    pathParameters: input.pathParameters,
    ...(input.claims ? { claims: input.claims } : {}),
    stage: input.stage,
    requestId: input.requestId,
    host: request.headers.host ?? 'localhost',
    protocol: `HTTP/${request.httpVersion}`,
    sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    userAgent: request.headers['user-agent'] ?? null,
  });
}

/**
 * The REST API (v1) proxy event API Gateway would send for this request: single-value maps keep
 * the last value, multi-value maps keep all, header names keep the client's casing, and every
 * empty map is null rather than {} (handlers written against `{}` break in AWS). The local API
 * shim and the tests that call a handler directly build their events here, so both send the
 * shape AWS sends.
 */
export function proxyEvent(request: GatewayRequest): APIGatewayProxyEvent {
  const now = new Date();
  return {
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers: single(request.headers) ?? {},
    multiValueHeaders: multi(request.headers) ?? {},
    queryStringParameters: single(request.query),
    multiValueQueryStringParameters: multi(request.query),
    pathParameters: Object.keys(request.pathParameters).length > 0 ? request.pathParameters : null,
    stageVariables: null,
    body: request.body === '' ? null : request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: request.claims ? { claims: request.claims } : null,
      domainName: request.host,
      httpMethod: request.method,
      path: `/${request.stage}${request.path}`,
      protocol: request.protocol,
      requestId: request.requestId,
      requestTime: gatewayTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: request.resource,
      stage: request.stage,
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
        sourceIp: request.sourceIp,
        user: null,
        userAgent: request.userAgent,
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
