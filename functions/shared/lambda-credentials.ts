/** The shape of the SDK's AwsCredentialIdentity. */
interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (an esbuild alias in
 * lib/bundle-options.ts). Lambda hands a function its role's credentials in these
 * three variables, the first place the SDK's default chain looks; the rest of that chain (profile
 * files, SSO, web identity, container and instance metadata) can never answer there, yet brings
 * four more SDK clients into every bundle, about 100 KB to parse at each cold start. Outside the
 * bundles (the local cloud, tests) the SDK's own chain runs.
 */
export function defaultProvider(): () => Promise<Credentials> {
  return async () => credentialsFrom(process.env);
}

export function credentialsFrom(env: NodeJS.ProcessEnv): Credentials {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) {
    throw new Error(
      'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: this bundle runs only in Lambda',
    );
  }
  return {
    accessKeyId: AWS_ACCESS_KEY_ID,
    secretAccessKey: AWS_SECRET_ACCESS_KEY,
    ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
  };
}
