/**
 * Requests per link are counted per clock hour, in one counter item per link and hour that
 * expires by itself: a link posted on a forum, or a script trying forms, meets the 429 page
 * instead of filling the debtor's timeline.
 */
export function rateWindow(now: Date): { hour: string; expiresAt: number } {
  const hour = now.toISOString().slice(0, 13);
  // Kept a little after the hour ends; DynamoDB removes it some time after that.
  const expiresAt = Math.floor(now.getTime() / 3_600_000) * 3600 + 2 * 3600;
  return { hour, expiresAt };
}

export function overLimit(countThisHour: number, limitPerHour: number): boolean {
  return countThisHour > limitPerHour;
}
