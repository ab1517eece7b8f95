import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES } from '../functions/api/routes';
import { ensureConsoleBuilt } from '../console/build';
import { LOCAL_AUTH_DIR } from './auth/local-issuer';
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from './cloud/local-cloud';
import { LOCAL_BUCKETS, LOCAL_REPLY_TO_EMAIL } from './cloud/environment';
import { CONSOLE_PATH } from './console/console-routes';
import { portIsFree } from './ports';

const LOCAL_DIR = fileURLToPath(new URL('../.local', import.meta.url));
const DATA_DIR = join(LOCAL_DIR, 'data');
const CLOCK_FILE = join(DATA_DIR, 'clock.json');
const PREFERRED_PORTS = {
  api: 3000,
  ses: 8005,
  sns: 9911,
  s3: 4568,
  sfn: 8083,
  dynamodb: 8000,
  mollie: 8095,
  smtp: 2525,
} as const;

const { values: args } = parseArgs({
  options: {
    'no-demo': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    'day-seconds': { type: 'string' },
  },
});

function daySeconds(): number {
  const raw = args['day-seconds'] ?? process.env.LOCAL_DAY_SECONDS ?? '2';
  const value = Number(raw);
  if (!(value > 0)) {
    console.error(
      `LOCAL_DAY_SECONDS must be a positive number of real seconds per virtual day, got "${raw}"`,
    );
    process.exit(2);
  }
  return value;
}

/** Virtual time goes on where the last run left it, so persisted dates never lie in the future. */
function savedVirtualTime(): Date | undefined {
  if (!existsSync(CLOCK_FILE)) return undefined;
  const saved = JSON.parse(readFileSync(CLOCK_FILE, 'utf8')) as { now?: string };
  return saved.now ? new Date(saved.now) : undefined;
}

type ServiceName = keyof typeof PREFERRED_PORTS;

/** The preferred port of each service where it is free; 0 (any free port) where it is taken. */
async function ports(): Promise<Record<ServiceName, number>> {
  const chosen = { ...PREFERRED_PORTS } as Record<ServiceName, number>;
  for (const name of Object.keys(chosen) as ServiceName[])
    chosen[name] = (await portIsFree(chosen[name])) ? chosen[name] : 0;
  return chosen;
}

/**
 * Another clone starting at the same moment may take a preferred port between our check and our
 * bind; the start then fails, and is tried again without the ports that turned out to be taken.
 */
async function startOnFreePorts(options: Omit<LocalCloudOptions, 'ports'>): Promise<LocalCloud> {
  for (let attempt = 1; ; attempt += 1) {
    const chosen = await ports();
    try {
      return await startLocalCloud({ ...options, ports: chosen });
    } catch (error) {
      const now = await ports();
      const taken = (Object.keys(chosen) as ServiceName[]).some(
        (name) => chosen[name] !== 0 && now[name] === 0,
      );
      if (!taken || attempt >= 3) throw error;
    }
  }
}

function banner(cloud: LocalCloud, tokens: Record<string, string>, demo: boolean): string {
  const e = cloud.endpoints;
  const lines = [
    '',
    'Credit control is running locally.',
    '',
    `  API                 ${e.api}        (health: ${e.api}/health)`,
    `  Console             ${e.api}${CONSOLE_PATH}   sign in as controller, manager or admin`,
    `  Dashboard           ${e.api}/_local/dashboard`,
    `  Virtual clock       ${e.api}/_local/clock   now ${cloud.clock.now().toISOString()}, one day = ${cloud.clock.daySeconds}s`,
    `  Email inbox (SES)   ${e.inbox}`,
    `  SNS messages        ${e.sns}/messages`,
    `  S3 (local)          ${e.s3}   buckets ${Object.values(LOCAL_BUCKETS).join(', ')}`,
    `  SMTP (replies)      ${cloud.smtp.url}   mail to ${LOCAL_REPLY_TO_EMAIL.replace('@', '+<token>@')} (npm run send-reply -- <file.eml>)`,
    `  Letters by post     ${e.api}/_local/letters/<letterId>   the PDF of each letter (letterId from ${e.sns}/messages?topic=print-queue)`,
    ...(cloud.mollie
      ? [`  Mollie (local)      ${cloud.mollie.url}/_local/mollie   payment links, checkouts and payments`]
      : []),
    `  Step Functions      ${e.sfn}`,
    `  DynamoDB            ${e.dynamodb}   table ${cloud.tableName}`,
    `  Webhook secret      ${cloud.webhookSecret}`,
    '',
    '  Bearer tokens (valid 1 hour; `npm run --silent token -- <group>` makes new ones):',
    ...Object.entries(tokens).map(([group, token]) => `    ${group.padEnd(11)} ${token}`),
    '',
    `  Demo data: ${demo ? 'loading now, then playing in virtual time' : 'off (--no-demo)'}.  Endpoints: .local/endpoints.json`,
    '  Ctrl-C stops everything.',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (args.fresh) rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const startedAt = Date.now();
  // The console's build is part of starting: quick when nothing it reads has changed.
  await ensureConsoleBuilt((line) => console.log(line));
  const cloud = await startOnFreePorts({
    daySeconds: daySeconds(),
    start: savedVirtualTime(),
    dataDir: DATA_DIR,
    authDir: LOCAL_AUTH_DIR,
    log: (line) => {
      if (process.env.LOCAL_VERBOSE) console.log(line);
    },
  });

  const demoStop = new AbortController();
  const saveClock = () => writeFileSync(CLOCK_FILE, JSON.stringify({ now: cloud.clock.now().toISOString() }));
  const clockSaver = setInterval(saveClock, 2_000);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud…`);
    demoStop.abort();
    clearInterval(clockSaver);
    saveClock();
    await cloud.stop();
    console.log('Stopped; every port is free.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const demo = !args['no-demo'];
  const tokens: Record<string, string> = {};
  for (const group of ROLES) tokens[group] = await cloud.issuer.issueToken({ group });
  const endpoints = {
    api: cloud.endpoints.api,
    inbox: cloud.endpoints.inbox,
    sns: `${cloud.endpoints.sns}/messages`,
    sfn: cloud.endpoints.sfn,
    dynamodb: cloud.endpoints.dynamodb,
    ...(cloud.mollie ? { mollie: cloud.mollie.url } : {}),
    smtp: cloud.smtp.url,
    dashboard: `${cloud.endpoints.api}/_local/dashboard`,
    clock: `${cloud.endpoints.api}/_local/clock`,
    tableName: cloud.tableName,
    stateMachineArn: cloud.stateMachineArn,
    webhookSecret: cloud.webhookSecret,
    region: 'eu-west-1',
  };
  writeFileSync(join(LOCAL_DIR, 'endpoints.json'), `${JSON.stringify(endpoints, null, 2)}\n`);
  console.log(banner(cloud, tokens, demo));
  console.log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);

  if (demo) {
    const { playDemo } = await import('./demo/play-demo');
    // The portfolio is loaded at one virtual moment (no sweep runs on half of it); then time runs.
    cloud.clock.setSpeed(null);
    await playDemo(cloud, { dataDir: DATA_DIR, log: (line) => console.log(line), signal: demoStop.signal });
    cloud.clock.setSpeed(daySeconds());
  }
}

main().catch((error: unknown) => {
  console.error('The local cloud could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
