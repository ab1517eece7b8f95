/**
 * An error of the Step Functions API. The server sends `type` as `__type`, from which the AWS SDK
 * picks the exception class (ExecutionAlreadyExists, TaskDoesNotExist, ...).
 */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export function validationError(message: string): StepFunctionsError {
  return new StepFunctionsError('ValidationException', message);
}

/** The AWS JSON protocol carries timestamps as epoch seconds. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** AWS's rule for state machine and execution names. */
const NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;

export function checkName(name: string): void {
  if (!NAME.test(name)) throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
}

export function checkArn(arn: string, kind: 'stateMachine' | 'execution'): void {
  if (!new RegExp(`^arn:aws[\\w-]*:states:[\\w-]+:\\d{12}:${kind}:`).test(arn)) {
    throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  }
}
