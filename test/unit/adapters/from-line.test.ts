import { describe, expect, it } from 'vitest';
import { fromLine } from '../../../functions/adapters/ses/ses-mailer';

describe('the From line', () => {
  it('carries a display name, so that the inbox shows who writes', () => {
    expect(fromLine('Voorbeeld Groothandel B.V.', 'credit-control@voorbeeld.example')).toBe(
      '"Voorbeeld Groothandel B.V." <credit-control@voorbeeld.example>',
    );
  });

  it('quotes what a display name must quote, and encodes a name that is not ASCII', () => {
    expect(fromLine('Acme "Zn" \\ Co', 'a@b.example')).toBe('"Acme \\"Zn\\" \\\\ Co" <a@b.example>');
    expect(fromLine('Crème B.V.', 'a@b.example')).toBe(
      `=?UTF-8?B?${Buffer.from('Crème B.V.').toString('base64')}?= <a@b.example>`,
    );
  });

  it('is the bare address without a name', () => {
    expect(fromLine(undefined, 'a@b.example')).toBe('a@b.example');
  });
});
