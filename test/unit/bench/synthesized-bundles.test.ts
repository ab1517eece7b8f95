import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bundledSdkClients,
  findBundles,
  runtimeSdkImports,
} from '../../../scripts/bench/synthesized-bundles';

describe('the AWS SDK packages a bundle loads from the runtime', () => {
  it('are its static imports of @aws-sdk/*, minified or not, once each and sorted', () => {
    const source = [
      'import{DynamoDBClient as a}from"@aws-sdk/client-dynamodb";',
      "import { SNSClient } from '@aws-sdk/client-sns';",
      'import{GetCommand as b}from"@aws-sdk/lib-dynamodb";import"@aws-sdk/client-dynamodb";',
      'import{z}from"zod";',
    ].join('');
    expect(runtimeSdkImports(source)).toEqual([
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-sns',
      '@aws-sdk/lib-dynamodb',
    ]);
  });

  it('leave out dynamic imports, which load on use', () => {
    expect(runtimeSdkImports('const m=await import("@aws-sdk/client-sesv2");')).toEqual([]);
  });

  it('leave out an import named in the text of an error message', () => {
    const source =
      'throw new Error(`register the package by calling [require("@aws-sdk/signature-v4-crt");] or an ESM equivalent such as [import "@aws-sdk/signature-v4-crt";].`);';
    expect(runtimeSdkImports(source)).toEqual([]);
  });
});

describe('the AWS SDK clients bundled into a bundle', () => {
  it('are named by the service ids their minified configurations hold, once each and sorted', () => {
    const source = [
      'var a=t=>({serviceId:t?.serviceId??"SFN",apiVersion:"2016-11-23"});',
      'var b=t=>({serviceId:t?.serviceId??"DynamoDB"});var c=t=>({serviceId:t?.serviceId??"SFN"});',
    ].join('');
    expect(bundledSdkClients(source)).toEqual(['DynamoDB', 'SFN']);
  });
});

describe('a synthesized bundle', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'synthesized-bundles-'));
  });
  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('is its entry and every chunk: the bytes of all, the SDK clients and the tracer of any', () => {
    const asset = 'asset.0123';
    mkdirSync(join(outDir, asset, 'chunks'), { recursive: true });
    const write = (file: string, source: string) => writeFileSync(join(outDir, asset, file), source);
    write('index.mjs', 'import"./chunks/chunk-A.mjs";var a=t=>({serviceId:t?.serviceId??"DynamoDB"});');
    write('index.mjs.map', '{"version":3,"sources":[],"mappings":""}');
    write('chunks/chunk-A.mjs', 'export const b=1;');
    write('chunks/sfn-adapter-B.mjs', 'var c=t=>({serviceId:t?.serviceId??"SFN"});captureAWSv3Client(c);');
    writeFileSync(
      join(outDir, 'App.template.json'),
      JSON.stringify({
        Resources: {
          GetMe: {
            Type: 'AWS::Lambda::Function',
            Metadata: { 'aws:asset:path': asset, 'aws:cdk:path': 'App/Functions/GetMe/Function/Resource' },
            Properties: { MemorySize: 256, Environment: { Variables: { STAGE: 'dev' } } },
          },
        },
      }),
    );

    const [bundle] = findBundles(outDir);

    expect(bundle).toMatchObject({
      name: 'get-me',
      entry: join(outDir, asset, 'index.mjs'),
      entryBytes: statSync(join(outDir, asset, 'index.mjs')).size,
      bytes: ['index.mjs', 'chunks/chunk-A.mjs', 'chunks/sfn-adapter-B.mjs']
        .map((file) => statSync(join(outDir, asset, file)).size)
        .reduce((sum, size) => sum + size),
      sdkClients: ['DynamoDB', 'SFN'],
      tracer: true,
      memoryMb: 256,
    });
  });
});
