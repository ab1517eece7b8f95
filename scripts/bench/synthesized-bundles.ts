import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, PRINT_LETTER } from '../../functions/catalogue';
import { BUNDLE_ENTRY } from '../../lib/bundle-options';
import { pascalCase } from '../../lib/names';

/** One Lambda bundle as `cdk synth` produced it. */
export interface SynthesizedBundle {
  /** The catalogue name, or the construct path for a function the catalogue does not list. */
  name: string;
  /** The bundle's entry file, index.mjs: importing it loads its static chunks, not the lazy ones. */
  entry: string;
  asset: string;
  /** index.mjs and every chunk beside it (the .map files are read only for stack traces). */
  bytes: number;
  /** index.mjs alone. */
  entryBytes: number;
  memoryMb: number;
  /** The packages the bundle imports statically from the runtime's AWS SDK, sorted: none, when the SDK is bundled. */
  sdkPackages: string[];
  /** The service ids of the AWS SDK clients bundled into it (entry or chunk), sorted. */
  sdkClients: string[];
  /** Whether Powertools' tracer is in the bundle, in the entry or a chunk. */
  tracer: boolean;
  /** The function's environment as deployed; values CloudFormation resolves at deploy time are stand-ins. */
  environment: Record<string, string>;
}

interface TemplateResource {
  Type: string;
  Metadata?: Record<string, unknown>;
  Properties?: {
    MemorySize?: number;
    Environment?: { Variables?: Record<string, unknown> };
  };
}

/**
 * Runs `cdk synth` into `outDir` (its own directory, so that a synth elsewhere in the working tree
 * is not disturbed) with the stage of cdk.json. Offline: the bundling uses the local esbuild. The
 * directory starts empty, so that no bundle of an earlier run stays behind.
 */
export async function synthesize(projectRoot: string, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', outDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`cdk synth failed (exit ${code}):\n${output.join('').slice(-4_000)}`);
}

/**
 * Every Lambda function in the synthesized templates whose code is a bundled asset. The function's
 * construct path (`<stack>/Functions/<PascalName>/Function/Resource`, from the CDK metadata) names
 * it: the functions construct gives each catalogue function the pascal-cased name as its id, and
 * the printed-letters stack its printer likewise.
 */
export function findBundles(outDir: string): SynthesizedBundle[] {
  const byConstructId = new Map(
    [...FUNCTIONS, PRINT_LETTER].map((spec) => [pascalCase(spec.name), spec.name]),
  );
  const bundles: SynthesizedBundle[] = [];
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as {
      Resources?: Record<string, TemplateResource>;
    };
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const asset = resource.Metadata?.['aws:asset:path'];
      const path = String(resource.Metadata?.['aws:cdk:path'] ?? '');
      if (typeof asset !== 'string') continue;
      const entry = join(outDir, asset, BUNDLE_ENTRY);
      if (!existsSync(entry)) continue;
      const constructId = /\/Functions\/([^/]+)\/Function\/Resource$/.exec(path)?.[1];
      const modules = bundleModules(join(outDir, asset));
      bundles.push({
        name: (constructId && byConstructId.get(constructId)) || path,
        entry,
        asset,
        bytes: modules.reduce((sum, module) => sum + statSync(module).size, 0),
        entryBytes: statSync(entry).size,
        ...bundledParts(modules.map((module) => readFileSync(module, 'utf8')).join('\n')),
        memoryMb: resource.Properties?.MemorySize ?? 128,
        environment: deployedEnvironment(resource.Properties?.Environment?.Variables ?? {}),
      });
    }
  }
  if (bundles.length === 0) throw new Error(`no bundled Lambda functions found in ${outDir}`);
  return bundles.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The JavaScript files of a bundle: its entry and the chunks esbuild split off (`chunks/`), the
 * static ones that the entry loads and the ones loaded only through `import()`.
 */
function bundleModules(assetDir: string): string[] {
  return readdirSync(assetDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .sort()
    .map((file) => join(assetDir, file));
}

/** What the bundle holds, read from all of its modules together. */
function bundledParts(source: string): Pick<SynthesizedBundle, 'sdkPackages' | 'sdkClients' | 'tracer'> {
  return {
    sdkPackages: runtimeSdkImports(source),
    sdkClients: bundledSdkClients(source),
    tracer: source.includes('captureAWSv3Client'),
  };
}

/**
 * Every SDK client's runtime configuration names its service (`serviceId: config?.serviceId ??
 * "DynamoDB"`); minifying keeps the property and the string, so the bundle says which it holds.
 * The clients the SDK uses for credentials (SSO, STS, sign-in) are counted too.
 */
export function bundledSdkClients(source: string): string[] {
  return [...new Set([...source.matchAll(/serviceId\?\?"([^"]+)"/g)].map((match) => match[1] ?? ''))].sort();
}

/**
 * The static imports of @aws-sdk/* in a bundle, which esbuild left external: Node loads them
 * before the handler's first line runs. Dynamic `import("…")` loads on use and is not matched.
 */
export function runtimeSdkImports(source: string): string[] {
  const found = new Set<string>();
  // Not after "[" or a letter: the SDK's error messages name `[import "@aws-sdk/…";]` in their text.
  for (const match of source.matchAll(/(?<![[\w])(?:from|import)\s*["'](@aws-sdk\/[^"']+)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}

/** Literal values as they are; references (table names, ARNs) become a stand-in of the right shape. */
function deployedEnvironment(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : standIn(name),
    ]),
  );
}

function standIn(name: string): string {
  const resource = `bench-${name.toLowerCase().replace(/_/g, '-')}`;
  const arn = (service: string, path: string) => `arn:aws:${service}:eu-west-1:000000000000:${path}`;
  if (name.endsWith('STATE_MACHINE_ARN')) return arn('states', `stateMachine:${resource}`);
  if (name.endsWith('TOPIC_ARN')) return arn('sns', resource);
  if (name.endsWith('SECRET_ARN')) return arn('secretsmanager', `secret:${resource}-AbCdEf`);
  if (name.endsWith('_URL')) return `https://${resource}.example/`;
  return resource;
}
