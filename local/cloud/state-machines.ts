import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateStateMachineCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './environment';

const STATE_MACHINES_DIR = fileURLToPath(new URL('../../statemachines', import.meta.url));

/** `${SendDunningLetterFunctionArn}` → the ARN of catalogue function `send-dunning-letter`. */
function substituteFunctionArns(definition: string): string {
  return definition.replace(/\$\{([A-Za-z0-9]+)FunctionArn\}/g, (_match, pascal: string) => {
    const name = pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;
  });
}

/**
 * Creates every state machine of statemachines/*.asl.json on the local Step Functions server, from
 * the same files CDK deploys. Returns ARNs by file name (dunning.asl.json → "dunning").
 */
export async function createStateMachines(sfn: SFNClient): Promise<Record<string, string>> {
  const arns: Record<string, string> = {};
  for (const file of readdirSync(STATE_MACHINES_DIR).filter((f) => f.endsWith('.asl.json'))) {
    const name = basename(file, '.asl.json');
    const definition = substituteFunctionArns(readFileSync(join(STATE_MACHINES_DIR, file), 'utf8'));
    const out = await sfn.send(
      new CreateStateMachineCommand({
        name,
        definition,
        roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/${name}-state-machine`,
      }),
    );
    if (!out.stateMachineArn) throw new Error(`the local Step Functions server returned no ARN for ${name}`);
    arns[name] = out.stateMachineArn;
  }
  return arns;
}
