import { describe, expect, it } from 'vitest';
import { bundledSdkClients, runtimeSdkImports } from '../../../scripts/bench/synthesized-bundles';

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
