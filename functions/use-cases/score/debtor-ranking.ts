import type { Money } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditReader, DebtorRecord } from '../../ports/credit-store';
import { euros as units, toCsv as csv } from '../../core/reports/csv';

export interface RankingRequest {
  sort: 'overdue' | 'score';
  limit: number;
  currency: string;
}

export interface RankedDebtor {
  rank: number;
  debtorId: string;
  name: string;
  /** What the debtor has overdue in the report's currency. */
  overdue: Money;
  /** The payment score 0–100, or null for a debtor without a fact about its payments yet. */
  score: number | null;
}

export interface DebtorRanking extends RankingRequest {
  generatedAt: string;
  debtors: RankedDebtor[];
  definitions: { overdue: string; score: string };
}

const DEFINITIONS = {
  overdue:
    'The open amount of the invoices whose dunning has started (status overdue, paused or not), in the currency asked; invoices at the collection agency, written off, cancelled or paid count nothing.',
  score:
    'The payment-behaviour score, 0 (worst) to 100 (best), as GET /debtors/{id} explains it with its factors; the rules are in GET /settings/score-rules.',
};

/**
 * GET /reports/debtors: the debtors with the largest overdue amount, or with the worst payment
 * score. Reads one index query (the overdue amounts, or the scores) and one item per debtor
 * listed: the same work for 1,000 debtors as for a million.
 */
export async function rankDebtors(
  deps: { store: CreditReader; clock: Clock },
  request: RankingRequest,
): Promise<DebtorRanking> {
  const { store } = deps;
  const { currency } = request;
  const rows =
    request.sort === 'overdue'
      ? await Promise.all(
          (await store.listDebtorsByOverdue(currency, request.limit)).map(async (line) => ({
            debtorId: line.debtorId,
            debtor: await store.getDebtor(line.debtorId),
            overdue: line.overdue,
          })),
        )
      : await Promise.all(
          (await store.listDebtorsByScore(request.limit)).map(async (debtor) => ({
            debtorId: debtor.id,
            debtor: debtor as DebtorRecord | undefined,
            overdue: await store.getDebtorOverdue(debtor.id, currency),
          })),
        );
  return {
    ...request,
    generatedAt: deps.clock.now().toISOString(),
    debtors: rows.map((row, index) => ({
      rank: index + 1,
      debtorId: row.debtorId,
      name: row.debtor?.name ?? row.debtorId,
      overdue: { amount: row.overdue, currency },
      score: row.debtor?.score?.value ?? null,
    })),
    definitions: DEFINITIONS,
  };
}

/** The ranking as CSV: one row per debtor, the overdue amount in units with two decimals. */
export function debtorRankingCsv(ranking: DebtorRanking): string {
  return csv(
    ['rank', 'debtorId', 'name', 'currency', 'overdue', 'score'],
    ranking.debtors.map((row) => [
      row.rank,
      row.debtorId,
      row.name,
      row.overdue.currency,
      units(row.overdue.amount),
      row.score === null ? '' : row.score,
    ]),
  );
}
