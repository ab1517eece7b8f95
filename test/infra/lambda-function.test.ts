import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../lib/constructs/lambda-function';
import { stagePolicy } from '../../lib/stage-policy';

/** The one test that bundles for real (local esbuild, no Docker), on one handler that uses the SDK. */
describe('the function construct bundles a handler', () => {
  let bundle: string;
  let sourceMap: { sources: string[]; sourcesContent?: unknown };
  beforeAll(() => {
    const app = new App({ builtinCloudFormationValidation: false });
    new LambdaFunction(new Stack(app, 'Bundling'), 'GetInvoice', {
      name: 'get-invoice',
      description: 'bundling under test',
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

  it('leaving the AWS SDK to the runtime', () => {
    expect(bundle).toMatch(/from\s*"@aws-sdk\/client-dynamodb"/);
    expect(sourceMap.sources.filter((source) => source.includes('node_modules/@aws-sdk/'))).toEqual([]);
  });
});
