import type { StatutoryRate } from '../../functions/core/legal/statutory-rates';
import type { LocalIssuer } from '../auth/local-issuer';

/**
 * The seed rate table ends where the rates known to this project end (2026-12-31), so a claim
 * over a later date is refused until an admin enters the rate. The demo plays in the present and
 * runs on into the next year, so its admin enters rates for the periods after that, through the
 * real API and flagged unverified: the ECB rate unchanged at 2.40% (commercial 10.40%) and the
 * consumer rate unchanged at 4%. They are assumptions of the demo, not published figures, and a
 * claim that uses them says that its rate is unverified.
 */
const DEMO_ASSUMED_RATES: readonly StatutoryRate[] = [
  ...halfYears('ecb-main-refinancing', ['2027-01-01', '2027-07-01'], 2.4),
  ...halfYears('consumer', ['2027-01-01', '2027-07-01'], 4),
];

function halfYears(kind: StatutoryRate['kind'], starts: string[], ratePercent: number): StatutoryRate[] {
  return starts.map((effectiveFrom) => {
    const [year, month] = effectiveFrom.split('-');
    const effectiveThrough = month === '01' ? `${year}-06-30` : `${year}-12-31`;
    return { kind, effectiveFrom, effectiveThrough, ratePercent, verified: false };
  });
}

/** Adds the demo's assumed rates once (when the table still is the seed); returns what it did. */
export async function enterDemoRates(apiUrl: string, issuer: LocalIssuer): Promise<string | undefined> {
  const headers = {
    authorization: `Bearer ${await issuer.issueToken({ group: 'admin' })}`,
    'content-type': 'application/json',
  };
  const current = (await (await fetch(`${apiUrl}/rates`, { headers })).json()) as {
    rates: StatutoryRate[];
    version: number;
  };
  const missing = DEMO_ASSUMED_RATES.filter(
    (assumed) =>
      !current.rates.some((r) => r.kind === assumed.kind && r.effectiveFrom === assumed.effectiveFrom),
  );
  if (missing.length === 0) return undefined;
  const answer = await fetch(`${apiUrl}/rates`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ rates: [...current.rates, ...missing], version: current.version }),
  });
  if (!answer.ok)
    return `demo: the assumed statutory rates were refused: ${answer.status} ${await answer.text()}`;
  return `demo: an admin entered ${missing.length} statutory rates after the published ones, flagged unverified (assumed unchanged)`;
}
