import { describe, expect, it } from 'vitest';
import { surnameOf } from '../../../functions/templates/salutation';

describe('the surname a salutation uses', () => {
  it('starts at the name particle and capitalises it, as "Geachte heer De Graaf," writes it', () => {
    expect(surnameOf('Jan de Graaf')).toBe('De Graaf');
    expect(surnameOf('J.P. van den Berg')).toBe('Van den Berg');
    expect(surnameOf('de Graaf')).toBe('De Graaf');
  });

  it('is the last word of a name without a particle, and the name itself when it is one word', () => {
    expect(surnameOf('Anna Jansen')).toBe('Jansen');
    expect(surnameOf('Jan Peter Smit')).toBe('Smit');
    expect(surnameOf('Jansen')).toBe('Jansen');
  });
});
