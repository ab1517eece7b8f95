import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debtorUpserted, newId } from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld, signedHeaders } from './webhook-harness';

const MINUTE = 60_000;

describe('POST /webhooks/invoicing only accepts deliveries signed by the invoicing system', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  it('refuses a delivery signed with another secret with 401 invalid_signature and stores nothing', async () => {
    const before = await world.itemCount();
    const debtorId = newId('deb');

    const answer = await world.deliver(debtorUpserted({ id: debtorId }), {
      secret: `whsec_${Buffer.from('not the shared secret').toString('base64')}`,
    });

    expect(answer.status).toBe(401);
    expect(answer.body.error?.code).toBe('invalid_signature');
    expect(await world.itemCount()).toBe(before);
    expect(await world.store.getDebtor(debtorId)).toBeUndefined();
  });

  it('refuses a body that was changed after it was signed', async () => {
    const debtorId = newId('deb');
    const signed = JSON.stringify(debtorUpserted({ id: debtorId, name: 'Original B.V.' }));
    const tampered = signed.replace('Original B.V.', 'Someone Else B.V.');

    const answer = await world.post(tampered, signedHeaders(signed));

    expect(answer.status).toBe(401);
    expect(await world.store.getDebtor(debtorId)).toBeUndefined();
  });

  it('refuses a correctly signed delivery whose timestamp is more than 5 minutes old, storing nothing', async () => {
    const before = await world.itemCount();
    const debtorId = newId('deb');

    const answer = await world.deliver(debtorUpserted({ id: debtorId }), {
      signedAt: new Date(Date.now() - 6 * MINUTE),
    });

    expect(answer.status).toBe(401);
    expect(answer.body.error?.code).toBe('invalid_signature');
    expect(await world.itemCount()).toBe(before);
  });

  it('refuses a delivery timestamped more than 5 minutes in the future', async () => {
    const answer = await world.deliver(debtorUpserted({ id: newId('deb') }), {
      signedAt: new Date(Date.now() + 6 * MINUTE),
    });

    expect(answer.status).toBe(401);
  });

  it('refuses a delivery without the signature headers', async () => {
    const answer = await world.post(JSON.stringify(debtorUpserted({ id: newId('deb') })), {
      'content-type': 'application/json',
    });

    expect(answer.status).toBe(401);
    expect(answer.body.error?.code).toBe('invalid_signature');
  });

  it('accepts a delivery signed 4 minutes ago: the tolerance is 5 minutes of wall-clock time', async () => {
    const debtorId = newId('deb');

    const answer = await world.deliver(debtorUpserted({ id: debtorId }), {
      signedAt: new Date(Date.now() - 4 * MINUTE),
    });

    expect(answer).toEqual({ status: 200, body: { status: 'applied' } });
    expect(await world.store.getDebtor(debtorId)).toBeDefined();
  });

  it('checks the signature time against the wall clock, while business time is months away on the virtual clock', async () => {
    world.clock.set(new Date(Date.now() + 90 * 24 * 60 * MINUTE));

    const answer = await world.deliver(debtorUpserted({ id: newId('deb') }), { signedAt: new Date() });

    expect(answer.status).toBe(200);
  });
});
