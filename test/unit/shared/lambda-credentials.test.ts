import { describe, expect, it } from 'vitest';
import { credentialsFrom, defaultProvider } from '../../../functions/shared/lambda-credentials';

describe('the credentials of a Lambda bundle', () => {
  it("are the role's credentials Lambda puts in the environment, session token included", () => {
    expect(
      credentialsFrom({
        AWS_ACCESS_KEY_ID: 'AKIA1',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_SESSION_TOKEN: 'token',
      }),
    ).toEqual({ accessKeyId: 'AKIA1', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('fail with the reason when the environment holds none, outside Lambda', () => {
    expect(() => credentialsFrom({})).toThrow(/only in Lambda/);
  });

  it('come from a provider in the shape the SDK clients call', async () => {
    const provider = defaultProvider();
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIA2', AWS_SECRET_ACCESS_KEY: 's2' });
    try {
      await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIA2', secretAccessKey: 's2' });
    } finally {
      process.env = saved;
    }
  });
});
