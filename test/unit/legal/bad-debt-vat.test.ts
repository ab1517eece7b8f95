import { describe, expect, it } from 'vitest';
import { badDebtVat } from '../../../functions/core/legal/bad-debt-vat';

describe('VAT on a bad debt (art. 29 lid 2 Wet OB 1968)', () => {
  it('may be reclaimed from the day after the first anniversary of the due date', () => {
    expect(badDebtVat('2025-01-31', '2026-01-31')).toEqual({
      reclaimableFrom: '2026-02-01',
      reclaimable: false,
    });
    expect(badDebtVat('2025-01-31', '2026-02-01')).toEqual({
      reclaimableFrom: '2026-02-01',
      reclaimable: true,
    });
  });

  it('handles due dates at the end of February in a leap year: the year after 29 February ends on 28 February', () => {
    expect(badDebtVat('2024-02-28', '2025-03-01').reclaimableFrom).toBe('2025-03-01');
    expect(badDebtVat('2024-02-29', '2025-03-01').reclaimableFrom).toBe('2025-03-01');
  });
});
