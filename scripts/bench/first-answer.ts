import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ROLES, ROUTES, type RouteSpec } from '../../functions/api/routes';
import type { ProgressBar } from './progress-bar';
import { median } from './statistics';
import type { SynthesizedBundle } from './synthesized-bundles';

/** The CPU time of a cold start up to its first answer, against an empty handler's. */
export interface FirstAnswer {
  /** The request answered: `GET <path template>`. */
  route: string;
  /** The status the function answered with (a 404 for an id nothing has). */
  status: number | null;
  /** Median CPU time of the fresh process from its start to the handler's answer. */
  cpuMs: number;
  /** The same for the empty handler, measured in the same rounds. */
  baselineCpuMs: number;
  cpuRatio: number;
}

/** Fewer rounds than the import's: each process also answers a request. */
const ROUNDS = 7;

// Runs in the fresh process: imports the bundle, hands its handler one request, and reports the
// CPU time of the process when the answer is there (Node's start, the import, the request).
const RUNNER = [
  'const { handler } = await import(process.argv[1]);',
  'const context = { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: "bench-1",',
  '  invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:bench", memoryLimitInMB: "1024",',
  '  getRemainingTimeInMillis: () => 15000 };',
  'const answer = await handler(JSON.parse(process.env.BENCH_EVENT), context);',
  'const cpu = process.cpuUsage();',
  'process.stdout.write(JSON.stringify({ cpu: (cpu.user + cpu.system) / 1000, status: answer?.statusCode ?? null }));',
  'process.exit(0);',
].join(' ');

/**
 * The time to the first answer is what a cold start costs a caller; the import alone does not
 * say it when work moves from the import to the first request (a module loaded on first use).
 * For every function that serves a GET route of a signed-in user, a fresh process imports the
 * bundle and answers one such request, its table a stand-in that answers every call with nothing
 * (so a read finds no item: a 404 or an empty list), next to an empty handler answering an empty
 * event in the same rounds. Functions that serve no such route (steps, events, posts) are left out.
 */
export async function timeFirstAnswers(
  bundles: readonly SynthesizedBundle[],
  emptyEntry: string,
  environmentOf: (bundle: SynthesizedBundle) => NodeJS.ProcessEnv,
  emptyEnvironment: NodeJS.ProcessEnv,
  progress: ProgressBar,
): Promise<Record<string, FirstAnswer>> {
  const table = await emptyTable();
  try {
    const endpoint = `http://127.0.0.1:${(table.address() as AddressInfo).port}`;
    const subjects = bundles.flatMap((bundle) => {
      const route = firstGetRoute(bundle.name);
      if (!route) return [];
      const env = {
        ...environmentOf(bundle),
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_MAX_ATTEMPTS: '1',
        BENCH_EVENT: JSON.stringify(getEvent(route)),
      };
      return [{ name: bundle.name, route, entry: bundle.entry, env }];
    });
    const empty = { entry: emptyEntry, env: { ...emptyEnvironment, BENCH_EVENT: '{}' } };
    const samples = [empty, ...subjects].map(() => [] as { cpu: number; status: number | null }[]);
    progress.start('cold start · first answers', (ROUNDS + 1) * (subjects.length + 1), 'answers');
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [i, subject] of [empty, ...subjects].entries()) {
        const sample = await answerOnce(subject.entry, subject.env);
        if (round > 0) samples[i]?.push(sample);
        progress.advance();
      }
    }
    const baseline = median((samples[0] ?? []).map((s) => s.cpu));
    const answers = Object.fromEntries(
      subjects.map((subject, i) => {
        const own = samples[i + 1] ?? [];
        const cpuMs = median(own.map((s) => s.cpu));
        const answer: FirstAnswer = {
          route: `GET ${subject.route.path}`,
          status: own[0]?.status ?? null,
          cpuMs,
          baselineCpuMs: baseline,
          cpuRatio: cpuMs / baseline,
        };
        return [subject.name, answer];
      }),
    );
    const ratios = Object.values(answers).map((a) => a.cpuRatio);
    progress.finish(
      `${subjects.length} functions answered a GET: ${Math.min(...ratios).toFixed(1)}–${Math.max(
        ...ratios,
      ).toFixed(1)}× the empty handler's ${baseline.toFixed(0)} ms of CPU`,
    );
    return answers;
  } finally {
    table.close();
  }
}

function firstGetRoute(functionName: string): RouteSpec | undefined {
  return (ROUTES as readonly RouteSpec[]).find(
    (route) => route.handler === functionName && route.method === 'GET' && route.auth.kind === 'jwt',
  );
}

/** A signed-in caller in every role asks for the route, its path parameters an id nothing has. */
function getEvent(route: RouteSpec) {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const pathParameters = Object.fromEntries(names.map((name) => [name, 'bench-1']));
  return {
    httpMethod: 'GET',
    resource: route.path,
    path: route.path.replace(/\{\w+\}/g, 'bench-1'),
    headers: { accept: 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: names.length ? pathParameters : null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'bench-1',
      authorizer: { claims: { sub: 'bench', email: 'bench@example.com', 'cognito:groups': ROLES.join(',') } },
    },
  };
}

/** A DynamoDB endpoint that answers every call with an empty result: no item, no rows. */
async function emptyTable(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function answerOnce(entry: string, env: NodeJS.ProcessEnv): Promise<{ cpu: number; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', RUNNER, pathToFileURL(entry).href], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // The function's own log lines come first, on the same stdout: the figures are the last line.
      if (code === 0)
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as { cpu: number; status: number | null });
      else reject(new Error(`${entry} did not answer: ${err.slice(0, 400)}`));
    });
  });
}
