/**
 * An SNS error as the Query protocol reports it. The AWS SDK picks the exception class from
 * `code` (NotFound becomes NotFoundException), so codes and HTTP statuses follow AWS's model.
 */
export class SnsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Sender: the request was wrong; Receiver: the server failed. */
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = 'SnsError';
  }
}

export const topicNotFound = () => new SnsError('NotFound', 404, 'Topic does not exist');

export const invalidParameter = (detail: string) =>
  new SnsError('InvalidParameter', 400, `Invalid parameter: ${detail}`);

/** SNS reports bad message attributes under this code (InvalidParameterValueException in the SDK). */
export const invalidParameterValue = (message: string) => new SnsError('ParameterValueInvalid', 400, message);
