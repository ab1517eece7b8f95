import { readCreditor } from '../shared/creditor';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { planWorkflowOnFirstUse } from '../shared/dependencies/plan-workflow-on-first-use';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import {
  insolvencyClaimDaysFromEnvironment,
  smallBalanceCriteriaFromEnvironment,
  vatReturnPeriodFromEnvironment,
  writeOffAdminAboveFromEnvironment,
} from '../shared/special-config';
import { openInsolvency } from '../use-cases/special/insolvency';
import { endSpecialManagement, placeInSpecialManagement } from '../use-cases/special/special-management';
import { writeOffInvoice } from '../use-cases/special/write-off';
import { writeOffView } from '../use-cases/special/write-off-view';
import { noteFinancialPosition } from '../use-cases/special/financial-position-note';
import { recordRegisterEntry } from '../use-cases/special/insolvency-register';
import { approveWriteOffProposal } from '../use-cases/special/write-off-proposals';

// Only some of the team's changes stop or resume a dunning (special management, a write-off) or stop
// a plan (insolvency): the state machines' client is loaded when one first does.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowOnFirstUse(),
  plans: planWorkflowOnFirstUse(),
  clock,
  referenceScheme: readCreditor().referenceScheme,
  claimDays: insolvencyClaimDaysFromEnvironment(),
  adminAbove: writeOffAdminAboveFromEnvironment(),
  vatPeriod: vatReturnPeriodFromEnvironment(),
  criteria: smallBalanceCriteriaFromEnvironment(),
};

/**
 * The special team's changes: special management, insolvency (by hand or from the register),
 * payouts, closing, write-offs one by one or in an approved batch, notes on the financial position.
 * An insolvency's payouts and closing come once at its end, and book what they pay through the
 * intake of payments (the whole intake): they are loaded with their first request.
 */
export const handler = capabilityHandler([
  [
    routeAt('POST', '/debtors/{id}/special-management'),
    routeHandler(
      routeAt('POST', '/debtors/{id}/special-management'),
      async ({ path, body, caller }) =>
        new Reply(
          201,
          await placeInSpecialManagement(deps, path.id, {
            reason: body.reason,
            ...(body.note ? { note: body.note } : {}),
            by: caller.sub,
          }),
        ),
    ),
  ],
  [
    routeAt('DELETE', '/debtors/{id}/special-management'),
    routeHandler(routeAt('DELETE', '/debtors/{id}/special-management'), async ({ path, caller }) =>
      endSpecialManagement(deps, path.id, caller.sub),
    ),
  ],
  [
    routeAt('POST', '/debtors/{id}/insolvency'),
    routeHandler(
      routeAt('POST', '/debtors/{id}/insolvency'),
      async ({ path, body, caller }) =>
        new Reply(201, await openInsolvency(deps, path.id, { ...body, by: caller.sub })),
    ),
  ],
  [
    routeAt('POST', '/debtors/{id}/insolvency/distributions'),
    routeHandler(
      routeAt('POST', '/debtors/{id}/insolvency/distributions'),
      async ({ path, body, caller }) => {
        const { bookDistribution } = await import('../use-cases/special/insolvency-closing');
        const booked = await bookDistribution(deps, path.id, { ...body, by: caller.sub });
        return new Reply(booked.status === 200 ? 201 : booked.status, booked);
      },
    ),
  ],
  [
    routeAt('POST', '/debtors/{id}/insolvency/closing'),
    routeHandler(routeAt('POST', '/debtors/{id}/insolvency/closing'), async ({ path, body, caller }) => {
      const { closeInsolvency } = await import('../use-cases/special/insolvency-closing');
      return closeInsolvency(deps, path.id, {
        closedOn: body.closedOn,
        ...(body.note ? { note: body.note } : {}),
        by: caller.sub,
      });
    }),
  ],
  [
    routeAt('POST', '/invoices/{id}/write-off'),
    routeHandler(routeAt('POST', '/invoices/{id}/write-off'), async ({ path, body, caller }) =>
      writeOffView(
        await writeOffInvoice(deps, path.id, {
          reason: body.reason,
          ...(body.amount !== undefined ? { amount: body.amount } : {}),
          by: `user:${caller.sub}`,
          isAdmin: caller.roles.includes('admin'),
        }),
      ),
    ),
  ],
  [
    routeAt('POST', '/write-off-proposals/{id}/approval'),
    routeHandler(routeAt('POST', '/write-off-proposals/{id}/approval'), async ({ path, body, caller }) =>
      approveWriteOffProposal(deps, path.id, {
        sub: caller.sub,
        isAdmin: caller.roles.includes('admin'),
        reason: body.reason,
      }),
    ),
  ],
  [
    routeAt('POST', '/insolvency-register/entries'),
    routeHandler(
      routeAt('POST', '/insolvency-register/entries'),
      async ({ body, caller }) =>
        new Reply(201, await recordRegisterEntry(deps, { ...body, by: caller.sub })),
    ),
  ],
  [
    routeAt('POST', '/debtors/{id}/financial-position/notes'),
    routeHandler(
      routeAt('POST', '/debtors/{id}/financial-position/notes'),
      async ({ path, body, caller }) =>
        new Reply(
          201,
          await noteFinancialPosition(deps, {
            debtorId: path.id,
            text: body.text,
            ...(body.attachments ? { attachments: body.attachments } : {}),
            by: caller.sub,
          }),
        ),
    ),
  ],
]);
