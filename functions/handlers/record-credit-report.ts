import { manualEntry } from '../adapters/credit-bureau/manual-entry';
import { creditConfigFromEnvironment } from '../shared/dependencies/credit-config';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { recordCreditReport } from '../use-cases/credit/record-credit-report';

const store = creditStoreFromEnvironment();
const cadence = creditConfigFromEnvironment().CREDIT_REPORT_CADENCE_DAYS;

export const handler = httpHandler('record-credit-report', async ({ path, body, caller }) => {
  const { reference, ...report } = body;
  const bureau = manualEntry({ ...report, ...(reference ? { reference } : {}) });
  return new Reply(
    201,
    await recordCreditReport({ store, clock, bureau, cadence }, { debtorId: path.id, by: caller.sub }),
  );
});
