import { selfServiceForm } from '../../api/schemas/self-service-schemas';
import { checkForm, submissionKey } from '../../core/self-service/form-guard';
import type { SubmissionRecord, SubmissionResult } from '../../ports/self-service-records';
import { logger } from '../../shared/observability';
import { type FieldIssue, Refusal } from '../refusal';
import { sendConfirmation } from './confirmation-email';
import type { OpenedLink } from './open-link';
import { runAction } from './page-actions';
import { SELF_SERVICE_ACTIONS, type SelfServiceAction } from './page-view';
import type { SelfServiceDeps } from './self-service-deps';

/** Submissions are remembered a week: a form posted again within it shows its first result. */
const SUBMISSION_KEEP_SECONDS = 7 * 86_400;

export type SubmitOutcome =
  /** Recorded now or before: the page shows the result under this key. */
  | { kind: 'done'; key: string; result?: SubmissionResult }
  /** The form does not come from this link's page (CSRF), or is too old. */
  | { kind: 'forged' }
  /** Fields to correct, or the use case's refusal, shown on the page with the form. */
  | { kind: 'refused'; action: SelfServiceAction | undefined; message: string; issues: FieldIssue[] };

/**
 * One form posted from the debtor's page: its CSRF token checked against the link and the form's
 * nonce, its fields checked, then the submission claimed once (a conditional put under the
 * link's and nonce's key) before the action runs, so that a double click or a resent form is
 * recorded once. The action's result is kept for the result page and confirmed by email.
 */
export async function submitForm(
  deps: SelfServiceDeps,
  link: OpenedLink,
  posted: Record<string, string>,
  requestId: string,
  pageUrl: string,
): Promise<SubmitOutcome> {
  const action = SELF_SERVICE_ACTIONS.find((candidate) => candidate === posted.action);
  const now = deps.clock.now();
  const guard = checkForm(link.keys, link.tokenId, action ?? '', posted, now);
  if (!action || !guard.valid) return { kind: 'forged' };

  const parsed = selfServiceForm.safeParse(posted);
  if (!parsed.success) {
    return {
      kind: 'refused',
      action,
      message: 'fields',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const { nonce: _nonce, csrf: _csrf, ...fields } = parsed.data;
  const key = submissionKey(link.tokenId, parsed.data.nonce);
  const record: SubmissionRecord = {
    key,
    debtorId: link.debtor.id,
    action,
    status: 'pending',
    at: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + SUBMISSION_KEEP_SECONDS,
  };
  const earlier = await deps.records.claimSubmission(record);
  if (earlier) return { kind: 'done', key, ...(earlier.result ? { result: earlier.result } : {}) };

  try {
    const context = { debtor: link.debtor, submission: key, requestId, pageUrl };
    const result = await runAction(deps, context, fields);
    await deps.records.completeSubmission(key, result);
    // A started payment is confirmed by the provider once paid; nothing is done yet to confirm.
    if (action === 'pay') return { kind: 'done', key, result };
    await sendConfirmation(deps, link.debtor, result).catch((error: unknown) => {
      // The action stands; the page confirmed it. A lost email is logged, not a failed action.
      logger.warn('Self-service confirmation not sent', { error: error as Error, action });
    });
    return { kind: 'done', key, result };
  } catch (error) {
    await deps.records.releaseSubmission(key);
    if (error instanceof Refusal) {
      return { kind: 'refused', action, message: error.message, issues: [...error.issues] };
    }
    throw error;
  }
}
