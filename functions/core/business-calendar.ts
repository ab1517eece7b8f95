/**
 * The business calendar of the company: "today", "overdue since" and the daily sweep are counted
 * in this zone (ARCHITECTURE.md: Europe/Amsterdam unless the tenant says otherwise). Each dunning
 * policy carries its own zone for the hour its letters go out.
 */
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';
