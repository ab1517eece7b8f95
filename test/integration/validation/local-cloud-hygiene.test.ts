import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';

// Logs at INFO with event logging on, as an operator might switch them on to debug: both are read
// when the logger is created, and each invocation starts at the level it was created with.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { startLocalCloud } from '../../../local/cloud/local-cloud';
import { startInspectingProxy } from '../../../local/http/inspecting-proxy';
import { debtorUpserted, newId } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, startCloudHarness } from '../workflow/local-cloud-harness';

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Every JSON log line the shared Powertools logger printed while `run` ran. It prints to the
 * global console in this test run (POWERTOOLS_DEV), which the file keeps quiet otherwise.
 */
let printed: string[] = [];
beforeAll(() => {
  for (const method of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, method).mockImplementation((text: unknown) => {
      printed.push(String(text));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

async function logLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  printed = [];
  await run();
  return printed.flatMap((text) => {
    try {
      return [JSON.parse(text) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe('the local cloud keeps its data to itself and says what is down', () => {
  it('lets DynamoDB Local listen on 127.0.0.1 only', async () => {
    const port = Number(new URL(inject('dynamodbEndpoint')).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal);
    // A machine without a network interface has nothing to expose.
    for (const address of external)
      expect(await accepts(address!.address, port), address!.address).toBe(false);
  });

  describe('with DynamoDB behind a connection that can be cut', () => {
    let proxy: Awaited<ReturnType<typeof startInspectingProxy>> | undefined;
    let cloud: Awaited<ReturnType<typeof startLocalCloud>> | undefined;

    afterEach(async () => {
      await cloud?.stop();
      await proxy?.stop().catch(() => undefined);
    });

    it('answers /health with 503 naming dynamodb while DynamoDB is down, and 200 while it is up', async () => {
      proxy = await startInspectingProxy({ name: 'dynamodb link', target: inject('dynamodbEndpoint') });
      cloud = await startLocalCloud({
        daySeconds: null,
        dynamodbEndpoint: proxy.url,
        tableName: `health-${randomUUID().slice(0, 8)}`,
        dailySweep: false,
      });
      const health = async () => {
        const response = await fetch(`${cloud!.endpoints.api}/health`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect(await health()).toEqual({ status: 200, body: { status: 'ok' } });

      await proxy.stop();

      expect(await health()).toMatchObject({ status: 503, body: { status: 'down', down: ['dynamodb'] } });
    });
  });

  describe('its logs', () => {
    let h: CloudHarness;
    beforeAll(async () => {
      h = await startCloudHarness(new Date('2026-03-02T05:00:00Z'));
    });
    afterAll(async () => {
      await h.stop();
    });

    it('gives each invocation’s log lines the name of its own function, however they interleave', async () => {
      const lines = await logLines(() =>
        Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            i % 2 === 0
              ? h.post(debtorUpserted({ id: newId('deb') }))
              : h.get(`/invoices/${newId('missing')}`),
          ),
        ),
      );

      const applied = lines.filter((line) => line.message === 'Event applied');
      const refused = lines.filter((line) => line.message === 'Request refused');
      expect(applied).toHaveLength(6);
      expect(refused).toHaveLength(6);
      for (const line of applied) {
        expect(line.function_name).toBe('credit-control-local-receive-invoicing-webhook');
      }
      for (const line of refused) expect(line.function_name).toBe('credit-control-local-get-invoice');
    });

    it('logs an event with names, addresses, phone numbers and bearer tokens masked', async () => {
      const token = await h.cloud.issuer.issueToken({ group: 'controller' });
      const lines = await logLines(async () => {
        await h.post(
          debtorUpserted({
            id: newId('deb'),
            name: 'Johanna Vermeulen',
            phone: '+31 6 9876 5432',
            address: { line1: 'Prinsengracht 263', postalCode: '1016 GV', city: 'Amsterdam', country: 'NL' },
          }),
        );
        await fetch(`${h.cloud.endpoints.api}/tasks`, { headers: { authorization: `Bearer ${token}` } });
      });

      const text = JSON.stringify(lines);
      expect(lines.some((line) => line.message === 'Lambda invocation event')).toBe(true);
      for (const secret of ['Johanna', 'Vermeulen', '9876', 'Prinsengracht', '1016 GV', 'Amsterdam', token]) {
        expect(text).not.toContain(secret);
      }
    });
  });
});
