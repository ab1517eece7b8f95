import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../lib/constructs/lambda-function';
import { stagePolicy } from '../../lib/stage-policy';

/** The one test that bundles for real (local esbuild, no Docker), on one handler that uses the SDK and does not trace. */
describe('the function construct bundles a handler', () => {
  let bundle: string;
  let sourceMap: { sources: string[]; sourcesContent?: unknown };
  beforeAll(() => {
    const app = new App({ builtinCloudFormationValidation: false });
    new LambdaFunction(new Stack(app, 'Bundling'), 'GetInvoice', {
      name: 'get-invoice',
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
    const { directory } = app.synth();
    const [asset] = readdirSync(directory).filter((entry) => existsSync(join(directory, entry, 'index.mjs')));
    bundle = readFileSync(join(directory, `${asset}`, 'index.mjs'), 'utf8');
    sourceMap = JSON.parse(readFileSync(join(directory, `${asset}`, 'index.mjs.map'), 'utf8'));
  });

  it('as one ES module that can still require()', () => {
    expect(
      bundle.startsWith(
        "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      ),
    ).toBe(true);
    expect(bundle).toMatch(/export\s*\{[^}]*\bhandler\b/);
  });

  it('with a source map that names the sources without copying them', () => {
    expect(bundle).toContain('//# sourceMappingURL=index.mjs.map');
    expect(sourceMap.sources.some((source) => source.endsWith('functions/handlers/get-invoice.ts'))).toBe(
      true,
    );
    expect(sourceMap.sourcesContent).toBeUndefined();
  });

  it('with the AWS SDK clients it uses inside, so that a cold start reads one file', () => {
    expect(bundle).not.toMatch(/from\s*"@aws-sdk\//);
    expect(
      sourceMap.sources.some((source) => source.includes('node_modules/@aws-sdk/client-dynamodb/')),
    ).toBe(true);
  });

  it("with Lambda's environment credentials instead of the SDK's chain of providers", () => {
    expect(
      sourceMap.sources.some((source) => source.endsWith('functions/shared/lambda-credentials.ts')),
    ).toBe(true);
    expect(sourceMap.sources.filter((source) => source.includes('@aws-sdk/credential-provider'))).toEqual([]);
  });

  it('without the tracer, which a function that reads only its table does not load', () => {
    expect(bundle).not.toContain('captureAWSv3Client');
  });
});
