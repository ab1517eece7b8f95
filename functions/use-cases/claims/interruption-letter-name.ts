/**
 * The interruption letter's template name, which its timeline entries carry. On its own so that
 * reading a claim (which counts the letter as a written notice) does not load the letter's
 * renderer and wording.
 */
export const INTERRUPTION_LETTER = 'interruption-letter';
