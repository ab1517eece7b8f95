import { randomBytes } from 'node:crypto';
import type { JsonValue } from './library';
import { StepFunctionsError } from './protocol';

export type TaskAnswer =
  { kind: 'success'; output: JsonValue } | { kind: 'failure'; error: string; cause: string };

interface ParkedTask {
  answer: (answer: TaskAnswer) => void;
  onHeartbeat: () => void;
}

/** AWS tokens are base64 text of at most 2048 characters; anything else is not a token at all. */
const TOKEN_SHAPE = /^[A-Za-z0-9+/=_-]{1,2048}$/;

/** The tasks parked on a task token until SendTaskSuccess, SendTaskFailure or their time limit. */
export class TaskTokens {
  private readonly parked = new Map<string, ParkedTask>();

  /** A fresh token for one attempt of a task; `answer` settles when the token is used. */
  issue(onHeartbeat: () => void): { token: string; answer: Promise<TaskAnswer> } {
    const token = randomBytes(96).toString('base64url');
    const answer = new Promise<TaskAnswer>((resolve) =>
      this.parked.set(token, { answer: resolve, onHeartbeat }),
    );
    return { token, answer };
  }

  /** Whether the token's task still waits for SendTaskSuccess or SendTaskFailure. */
  waiting(token: string): boolean {
    return this.parked.has(token);
  }

  /** Forgets a token whose task ended another way (time limit, failure, stop). */
  release(token: string): void {
    this.parked.delete(token);
  }

  succeed(token: string, output: JsonValue): void {
    this.take(token).answer({ kind: 'success', output });
  }

  fail(token: string, error: string, cause: string): void {
    this.take(token).answer({ kind: 'failure', error, cause });
  }

  heartbeat(token: string): void {
    this.find(token).onHeartbeat();
  }

  private take(token: string): ParkedTask {
    const task = this.find(token);
    this.parked.delete(token);
    return task;
  }

  private find(token: string): ParkedTask {
    if (!TOKEN_SHAPE.test(token))
      throw new StepFunctionsError('InvalidToken', 'Invalid Token: not a task token');
    const task = this.parked.get(token);
    if (task === undefined) {
      throw new StepFunctionsError(
        'TaskDoesNotExist',
        'Task Timed Out: Provided task does not exist anymore',
      );
    }
    return task;
  }
}
