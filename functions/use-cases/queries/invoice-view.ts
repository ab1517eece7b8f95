import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import { isPaused, type PauseReason } from '../../core/dunning/dunning-pause';
import type { DunningState } from '../../core/dunning/dunning-state';
import { isCollecting } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import type { CreditReader, InvoiceRecord } from '../../ports/credit-store';
import type { DunningWorkflow, ExecutionStatus } from '../../ports/workflow';
import { policyFor } from '../policies/policy-catalogue';
import { notFound } from '../refusal';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { type TimelineEntry, timelineView } from '../timelines/timeline-view';

export interface InvoiceView {
  invoice: Omit<InvoiceRecord, 'dunning'>;
  status: InvoiceRecord['status'];
  openAmount: number;
  currency: string;
  daysOverdue: number;
  dunning: {
    policy: { id: string; version: number; name?: string };
    segmentReason: string;
    status: DunningState['status'];
    execution: string;
    executionStatus: ExecutionStatus | 'NOT_FOUND';
    lastStep: DunningState['lastStep'] | null;
    nextStep: { slot: DunningSlot; at: string } | null;
    curedAfter: DunningState['curedAfter'] | null;
    stoppedReason: string | null;
    /** Why a held dunning waits for a controller (status needs_attention). */
    attention: DunningState['attention'] | null;
    /** While paused: why, by whom, since when and until which day (see core/dunning/dunning-pause.ts). */
    pausedFor?: PauseReason;
    pausedBy?: string;
    pausedAt?: string;
    pausedUntil?: string;
    pauseRef?: string;
    pauseNote?: string;
  } | null;
  /** Oldest first, as the reader reads it (see `timelineView`). */
  timeline: TimelineEntry[];
}

export interface InvoiceViewDeps {
  store: CreditReader;
  workflow: DunningWorkflow;
  clock: Clock;
}

/** GET /invoices/{id}: the invoice, where its dunning stands and everything that happened, in order. */
export async function invoiceView(
  deps: InvoiceViewDeps,
  invoiceId: string,
  language: ColleagueLanguage = 'nl',
): Promise<InvoiceView> {
  const record = await deps.store.getInvoice(invoiceId);
  if (!record) {
    throw notFound(
      `Invoice ${invoiceId} does not exist. An invoice number or payment reference is found with GET /invoices?number= or GET /invoices?reference=.`,
    );
  }
  const { dunning, ...invoice } = record;
  const timeline = await deps.store.timeline({ invoiceId });
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const daysOverdue = Math.max(0, daysBetween(record.dueDate, today));

  return {
    invoice,
    status: record.status,
    openAmount: record.openAmount,
    currency: record.currency,
    daysOverdue: isCollecting(record) ? daysOverdue : 0,
    dunning: dunning ? await dunningView(deps, dunning) : null,
    timeline: timelineView(
      timeline.map((event) => ({ event, currency: record.currency })),
      { language, timeZone: BUSINESS_TIME_ZONE },
    ),
  };
}

async function dunningView(
  deps: InvoiceViewDeps,
  dunning: DunningState,
): Promise<NonNullable<InvoiceView['dunning']>> {
  const [execution, policy] = await Promise.all([
    deps.workflow.describe(dunning.execution),
    policyFor(deps.store, dunning.policyId, dunning.policyVersion, { storeSeed: false }),
  ]);
  return {
    policy: { id: dunning.policyId, version: dunning.policyVersion, name: policy?.name },
    segmentReason: dunning.segmentReason,
    status: dunning.status,
    execution: dunning.execution,
    executionStatus: execution?.status ?? 'NOT_FOUND',
    lastStep: dunning.lastStep ?? null,
    nextStep: dunning.status === 'running' ? nextStep(dunning, policy?.steps.map((s) => s.slot) ?? []) : null,
    curedAfter: dunning.curedAfter ?? null,
    stoppedReason: dunning.stoppedReason ?? null,
    attention: dunning.attention ?? null,
    ...(isPaused(dunning) ? pauseFields(dunning) : {}),
  };
}

function pauseFields(dunning: DunningState) {
  const { pausedFor, pausedBy, pausedAt, pausedUntil, pauseRef, pauseNote } = dunning;
  return Object.fromEntries(
    Object.entries({ pausedFor, pausedBy, pausedAt, pausedUntil, pauseRef, pauseNote }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

/** The first slot after the last one done that the policy actually uses. */
function nextStep(
  dunning: DunningState,
  used: readonly DunningSlot[],
): { slot: DunningSlot; at: string } | null {
  const after = dunning.lastStep ? DUNNING_SLOTS.indexOf(dunning.lastStep.slot) + 1 : 0;
  const slot = DUNNING_SLOTS.slice(after).find((s) => used.includes(s));
  return slot ? { slot, at: dunning.schedule[slot] } : null;
}
