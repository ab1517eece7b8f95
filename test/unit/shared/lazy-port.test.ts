import { describe, expect, it, vi } from 'vitest';
import { lazyPort } from '../../../functions/shared/dependencies/lazy-port';

interface Greeter {
  greet(name: string): Promise<string>;
  fail(): Promise<never>;
}

class LoudGreeter implements Greeter {
  constructor(private readonly greeting: string) {}
  async greet(name: string): Promise<string> {
    return `${this.greeting}, ${name}!`;
  }
  async fail(): Promise<never> {
    throw new RangeError('no greeting today');
  }
}

describe('a port loaded on first use', () => {
  it('loads nothing until a method is called', () => {
    const load = vi.fn(async () => new LoudGreeter('Hello'));

    lazyPort<Greeter>(load);

    expect(load).not.toHaveBeenCalled();
  });

  it('loads its adapter once, and forwards every call to it with its arguments', async () => {
    const load = vi.fn(async () => new LoudGreeter('Hello'));
    const greeter = lazyPort<Greeter>(load);

    await expect(greeter.greet('Ada')).resolves.toBe('Hello, Ada!');
    await expect(greeter.greet('Grace')).resolves.toBe('Hello, Grace!');

    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets calls made while the adapter loads share that one load', async () => {
    let finish: (greeter: Greeter) => void = () => undefined;
    const load = vi.fn(() => new Promise<Greeter>((resolve) => (finish = resolve)));
    const greeter = lazyPort<Greeter>(load);

    const first = greeter.greet('Ada');
    const second = greeter.greet('Grace');
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    finish(new LoudGreeter('Hi'));

    await expect(Promise.all([first, second])).resolves.toEqual(['Hi, Ada!', 'Hi, Grace!']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries a failed load again on the next call rather than remembering the failure', async () => {
    const load = vi
      .fn<() => Promise<Greeter>>()
      .mockRejectedValueOnce(new Error('chunk could not be read'))
      .mockResolvedValue(new LoudGreeter('Hello'));
    const greeter = lazyPort<Greeter>(load);

    await expect(greeter.greet('Ada')).rejects.toThrow('chunk could not be read');
    await expect(greeter.greet('Ada')).resolves.toBe('Hello, Ada!');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tries again after a load that throws before it returns a promise', async () => {
    let attempts = 0;
    const greeter = lazyPort<Greeter>(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('not yet');
      return Promise.resolve(new LoudGreeter('Hello'));
    });

    await expect(greeter.greet('Ada')).rejects.toThrow('not yet');
    await expect(greeter.greet('Ada')).resolves.toBe('Hello, Ada!');
  });

  it('hands the error of the adapter to the caller unchanged', async () => {
    const greeter = lazyPort<Greeter>(async () => new LoudGreeter('Hello'));

    const failure = await greeter.fail().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RangeError);
    expect(failure).toHaveProperty('message', 'no greeting today');
  });

  it('is not mistaken for a promise when an async function returns it', async () => {
    const load = vi.fn(async () => new LoudGreeter('Hello'));
    const greeter = lazyPort<Greeter>(load);

    const returned = await (async () => greeter)();

    expect(returned).toBe(greeter);
    expect(load).not.toHaveBeenCalled();
  });
});

describe('the ports a lazy port may stand in for', () => {
  it('refuses, in the types, a port with a method that answers at once', () => {
    interface Clock {
      now(): Date;
    }
    // @ts-expect-error: a clock has to answer before any adapter could load.
    const clock = lazyPort<Clock>(async () => ({ now: () => new Date(0) }));

    expect(clock).toBeDefined();
  });
});
