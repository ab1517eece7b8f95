import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../../functions/templates/letter-texts/built-in';
import { Refusal } from '../../../functions/use-cases/refusal';
import { currentTemplate, listTemplates } from '../../../functions/use-cases/templates/template-catalogue';
import { cachedTemplateReader } from '../../../functions/use-cases/templates/template-reader';
import { updateTemplate } from '../../../functions/use-cases/templates/update-template';
import { InMemoryLetterTemplates } from '../../support/in-memory-letter-templates';

const NOW = new Date('2026-03-24T09:00:00Z');
const clock = { now: () => NOW };
const friendly = builtInTemplate('payment-reminder-friendly');
const newDutch = {
  ...friendly.texts.nl,
  one: {
    subject: 'Seintje: {{invoiceNumber}}',
    body: ['{{salutation}}', 'Nog {{total}} open.', '{{invoiceTable}}'],
  },
};

describe('letter template versions', () => {
  it('reads version 1 as shipped until an admin stores another', async () => {
    const templates = new InMemoryLetterTemplates();
    expect(await currentTemplate(templates, 'payment-reminder-friendly')).toEqual(friendly);
    const listed = await listTemplates(templates);
    expect(listed.templates.find((each) => each.id === 'fourteen-day-letter')).toMatchObject({
      version: 1,
      updatedBy: 'built-in',
      required: ['costs', 'fourteenDayTerm', 'consequence'],
    });
  });

  it('stores an edit as version 2 after the shipped version 1, with who and when, keeping the other languages', async () => {
    const templates = new InMemoryLetterTemplates();
    const stored = await updateTemplate(
      { templates, clock },
      'payment-reminder-friendly',
      { version: 1, texts: { nl: newDutch } },
      'admin@example.com',
    );
    expect(stored).toMatchObject({
      version: 2,
      updatedBy: 'admin@example.com',
      updatedAt: NOW.toISOString(),
    });
    expect(stored.texts.nl).toEqual(newDutch);
    expect(stored.texts.en).toEqual(friendly.texts.en);
    expect(await templates.getTemplate('payment-reminder-friendly', 1)).toEqual(friendly);
  });

  it("refuses an edit of a version that is no longer the current one (a colleague's newer edit stays)", async () => {
    const templates = new InMemoryLetterTemplates();
    const deps = { templates, clock };
    await updateTemplate(deps, 'payment-reminder-friendly', { version: 1, texts: { nl: newDutch } }, 'a');
    await expect(
      updateTemplate(deps, 'payment-reminder-friendly', { version: 1, texts: { nl: newDutch } }, 'b'),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('stores nothing when it refuses a version', async () => {
    const templates = new InMemoryLetterTemplates();
    const broken = { ...newDutch, one: { ...newDutch.one, subject: '{{nope}}' } };
    const refusal = await updateTemplate(
      { templates, clock },
      'payment-reminder-friendly',
      { texts: { nl: broken } },
      'a',
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).issues).toEqual([
      { path: 'texts.nl.one.subject', message: expect.stringContaining('{{nope}} is no placeholder') },
    ]);
    expect(templates.versions.size).toBe(0);
  });

  it('reads a template for the letters once a minute per warm function, not once a letter', async () => {
    const templates = new InMemoryLetterTemplates();
    let now = NOW.getTime();
    const read = cachedTemplateReader(templates, { now: () => new Date(now) });
    await read('payment-reminder', 'friendly');
    await read('payment-reminder', 'friendly');
    expect(templates.reads).toBe(1);
    await updateTemplate({ templates, clock }, 'payment-reminder-friendly', { texts: { nl: newDutch } }, 'a');
    const before = templates.reads;
    now += 60_000;
    expect((await read('payment-reminder', 'friendly'))['payment-reminder-friendly']?.texts.nl).toEqual(
      newDutch,
    );
    expect(templates.reads).toBe(before + 1);
    expect(await read('call-task', 'firm')).toEqual({});
  });
});
