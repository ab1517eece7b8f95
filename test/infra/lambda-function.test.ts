import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../lib/constructs/lambda-function';
import { stagePolicy } from '../../lib/stage-policy';

interface TemplateResource {
  Type: string;
  Metadata: Record<string, unknown>;
}

interface SourceMap {
  sources: string[];
  sourcesContent?: unknown;
}

/** The one test that bundles for real (local esbuild, no Docker), on two handlers that do not trace, one of which uses the SDK. */
describe('the function construct bundles a handler', () => {
  /** index.mjs, what Lambda loads. */
  let bundle: string;
  /** index.mjs and its chunks, keyed by their path in the asset. */
  let modules: Map<string, string>;
  let sourceMap: SourceMap;
  /** The source maps of the asset, one beside each module. */
  let maps: string[];
  /** The sources of every module of the asset. */
  let sources: string[];
  /** The asset directory of each function, by construct id. */
  let assets: Map<string, string>;
  beforeAll(() => {
    // The metadata `cdk synth` adds: each function's construct path and asset directory.
    const app = new App({
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true },
    });
    const stack = new Stack(app, 'Bundling');
    for (const [id, name] of [
      ['GetInvoice', 'get-invoice'],
      ['GetMe', 'get-me'],
    ] as const) {
      new LambdaFunction(stack, id, {
        name,
        description: 'bundling under test',
        traced: false,
        policy: stagePolicy('dev'),
        creditor: {
          name: 'Voorbeeld Groothandel B.V.',
          iban: 'NL91ABNA0417164300',
          bic: 'ABNANL2A',
          email: 'debiteuren@example.com',
          kvkNumber: '12345678',
          vatId: 'NL001234567B01',
          senderName: 'Voorbeeld Groothandel B.V.',
          paymentReferenceScheme: 'rf',
        },
      });
    }
    const assembly = app.synth();
    const resources = Object.values(
      assembly.getStackByName('Bundling').template.Resources as Record<string, TemplateResource>,
    );
    assets = new Map(
      resources
        .filter((resource) => resource.Type === 'AWS::Lambda::Function')
        .map((resource) => [
          String(resource.Metadata['aws:cdk:path']).split('/')[1] as string,
          join(assembly.directory, String(resource.Metadata['aws:asset:path'])),
        ]),
    );
    const assetDir = assets.get('GetInvoice') as string;
    const read = (file: string) => readFileSync(join(assetDir, file), 'utf8');
    const files = readdirSync(assetDir, { recursive: true, encoding: 'utf8' });
    modules = new Map(files.filter((file) => file.endsWith('.mjs')).map((file) => [file, read(file)]));
    bundle = modules.get('index.mjs') as string;
    sourceMap = JSON.parse(read('index.mjs.map')) as SourceMap;
    maps = files.filter((file) => file.endsWith('.mjs.map'));
    sources = maps.flatMap((file) => (JSON.parse(read(file)) as SourceMap).sources);
  });

  it('as ES modules, an entry and its chunks, each of which can still require()', () => {
    expect([...modules.keys()].filter((file) => file !== 'index.mjs').length).toBeGreaterThan(0);
    for (const [file, source] of modules) {
      expect(file === 'index.mjs' || file.startsWith('chunks/')).toBe(true);
      expect(
        source.startsWith(
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
    }
    expect(bundle).toMatch(/export\s*\{[^}]*\bhandler\b/);
  });

  it('with a source map beside each module that names the sources without copying them', () => {
    expect(bundle).toContain('//# sourceMappingURL=index.mjs.map');
    expect(sourceMap.sources.some((source) => source.endsWith('functions/handlers/get-invoice.ts'))).toBe(
      true,
    );
    expect(sourceMap.sourcesContent).toBeUndefined();
    for (const [file, source] of modules) {
      expect(source).toContain(`//# sourceMappingURL=${basename(file)}.map`);
      expect(maps).toContain(`${file}.map`);
    }
  });

  it('with the AWS SDK clients it uses inside, so that a cold start resolves no package', () => {
    for (const source of modules.values()) expect(source).not.toMatch(/from\s*"@aws-sdk\//);
    expect(sources.some((source) => source.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
    // Statically or through import(), a module imports Node's own modules and its chunks, no package.
    const packages = [...modules.values()].flatMap((source) =>
      [...source.matchAll(/(?<![[\w$])(?:from|import)\s*\(?\s*"([^"]+)"/g)]
        .map((match) => match[1] as string)
        .filter((specifier) => /^[@\w][\w.@/-]*$/.test(specifier)),
    );
    expect(packages).toEqual([]);
  });

  it("with Lambda's environment credentials instead of the SDK's chain of providers", () => {
    expect(sources.some((source) => source.endsWith('functions/shared/lambda-credentials.ts'))).toBe(true);
    expect(sources.filter((source) => source.includes('@aws-sdk/credential-provider'))).toEqual([]);
  });

  it('into an asset of its own for each handler', () => {
    expect(assets.size).toBe(2);
    expect(new Set(assets.values()).size).toBe(2);
    const getMe = readFileSync(join(assets.get('GetMe') as string, 'index.mjs.map'), 'utf8');
    expect(
      (JSON.parse(getMe) as SourceMap).sources.some((source) => source.endsWith('handlers/get-me.ts')),
    ).toBe(true);
  });

  it('without the tracer, which a function that reads only its table does not load', () => {
    for (const source of modules.values()) expect(source).not.toContain('captureAWSv3Client');
  });
});
