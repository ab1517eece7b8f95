import { describe, expect, it } from 'vitest';
import { letterKeyOf, pdfKeyOf, postedLetterId } from '../../../functions/use-cases/post/posted-letter-id';

describe("a letter by post's id", () => {
  it('names the letter it was made from, whatever the debtor id holds', () => {
    const key = { day: '2025-03-10', slot: 'finalNotice', currency: 'EUR', debtorId: 'deb~with/odd chars' };

    expect(letterKeyOf(postedLetterId(key))).toEqual(key);
    expect(pdfKeyOf(key)).toMatch(/^letters\/2025-03-10\/[^/]+\.pdf$/);
  });

  it('is not taken for a letter when it is none of ours', () => {
    for (const id of ['', 'x', '2025-03-10~finalNotice~EUR~', 'yesterday~finalNotice~EUR~deb-1']) {
      expect(letterKeyOf(id)).toBeUndefined();
    }
  });
});
