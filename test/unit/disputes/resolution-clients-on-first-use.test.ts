import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

describe("a dispute's resolution", () => {
  it("loads SES's and Step Functions' clients with the first resolution that resumes the dunning", async () => {
    // A dispute credited waits for its credit note: it resumes nothing and emails no one. Only a
    // rejected or withdrawn one restarts the dunning and answers the debtor.
    const metafile = await bundleOf('resolve-dispute');
    const loaded = modulesLoadedAtStart(metafile);
    const clients = /node_modules\/@aws-sdk\/client-(sesv2|sfn)\//;

    expect(Object.keys(metafile.inputs).filter((input) => clients.test(input))).not.toEqual([]);
    expect(loaded.filter((input) => clients.test(input))).toEqual([]);
    expect(loaded).toContain('functions/use-cases/disputes/resolve-dispute.ts');
  });
});
