/**
 * An error a step throws on purpose, for the state machine's Retry or Catch to match by name: a
 * branch of the workflow, not a fault. The middy chain (functions/shared/powertools-chain.ts) leaves
 * its stack as it is instead of mapping it to the sources, which would read the bundle's map for
 * nothing.
 */
export interface WorkflowBranch {
  readonly workflowBranch: true;
}
