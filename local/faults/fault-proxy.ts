import { startInspectingProxy } from '../http/inspecting-proxy';

export interface InjectedFault {
  status: number;
  /** The AWS error type the SDK turns into its exception class, e.g. TooManyRequestsException. */
  errorType: string;
  message: string;
}

export interface FaultProxy {
  url: string;
  /** The next `count` requests fail with `fault` instead of reaching the service. */
  failNext(count: number, fault: InjectedFault): void;
  /** Every request fails with `fault` until `recover()`: a fault no retry cures. */
  failAlways(fault: InjectedFault): void;
  recover(): void;
  /** Requests that reached the service (not failed by the proxy). */
  readonly forwarded: number;
  /**
   * Calls `listener` for each request the service answered, before the answer goes back to the
   * caller: the moment a crash leaves the service's work done and the caller unaware of it.
   */
  onForwarded(listener: (count: number) => void): void;
  stop(): Promise<void>;
}

/**
 * A proxy in front of a local emulator that can fail the next requests the way an AWS service
 * does under load (429 with x-amzn-ErrorType). It lets tests prove that a throttled SES call is
 * retried by the state machine and ends in exactly one email, with the real SDK, the real handler
 * and the real retry policy of the ASL.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const pending: InjectedFault[] = [];
  let always: InjectedFault | undefined;
  let forwarded = 0;
  const listeners: ((count: number) => void)[] = [];
  const proxy = await startInspectingProxy({
    name: 'fault proxy',
    target,
    intercept: () => {
      const fault = pending.shift() ?? always;
      return fault
        ? {
            status: fault.status,
            headers: {
              'content-type': 'application/json',
              'x-amzn-errortype': fault.errorType,
              'x-amzn-requestid': `fault-${Date.now()}`,
            },
            body: JSON.stringify({ message: fault.message }),
          }
        : undefined;
    },
    inspect: () => {
      forwarded += 1;
      for (const listener of listeners) listener(forwarded);
    },
  });
  return {
    url: proxy.url,
    failNext(count, fault) {
      for (let i = 0; i < count; i++) pending.push(fault);
    },
    failAlways(fault) {
      always = fault;
    },
    recover() {
      always = undefined;
      pending.length = 0;
    },
    get forwarded() {
      return forwarded;
    },
    onForwarded(listener) {
      listeners.push(listener);
    },
    stop: () => proxy.stop(),
  };
}
