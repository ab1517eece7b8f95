import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiClient, ApiError } from '../api/client';
import type { DebtorView } from '../api/responses';
import { errorText } from '../errors';
import { type Action, centsFrom, Field, FormStatus, SaveButton, useAction } from '../forms';
import { useWords } from '../i18n';
import { useSession } from '../session';
import { InvoicePicker } from './invoice-picker';

interface Row {
  key: number;
  dueDate: string;
  amount: string;
}

/** How long typing pauses before the schedule is checked: one call per pause, not per key. */
const CHECK_AFTER_MS = 400;

interface PlanCheck {
  state: 'idle' | 'checking' | 'fits' | 'refused';
  /** What the instalments must add up to, once the API said so. */
  total?: number;
  error?: unknown;
}

type PlanBody = { invoiceIds: string[]; instalments: { dueDate: string; amount: number }[] };

/**
 * The plan checked by the API as it is typed (`?validate=true`: the same checks and messages as
 * agreeing it, nothing written), once the typing pauses. An answer to an older schedule than the
 * one on screen is dropped.
 */
function usePlanCheck(api: ApiClient, debtorId: string, body: PlanBody, typed: boolean): PlanCheck {
  const [check, setCheck] = useState<PlanCheck>({ state: 'idle' });
  const latest = useRef(0);
  const key = JSON.stringify(body);
  useEffect(() => {
    const round = (latest.current += 1);
    if (!typed) {
      setCheck({ state: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      setCheck((before) => ({ ...before, state: 'checking' }));
      api
        .call<{ total: number }, 'post', '/debtors/{id}/payment-plans'>(
          'post',
          '/debtors/{id}/payment-plans',
          {
            path: { id: debtorId },
            query: { validate: 'true' },
            body,
          },
        )
        .then(
          (answer) => round === latest.current && setCheck({ state: 'fits', total: answer.total }),
          (error: unknown) => round === latest.current && setCheck({ state: 'refused', error }),
        );
    }, CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [key, typed]);
  return check;
}

/**
 * A payment plan's schedule, row by row. Whether it fits the policy (how many, by when, how much,
 * adding up to what the invoices owe) is the API's to say: it checks the schedule as it is typed,
 * and its messages appear at the rows.
 */
export function PlanForm(props: { view: DebtorView; onChange: () => void }) {
  const { api } = useSession();
  const words = useWords();
  const { t } = words;
  const action = useAction(props.onChange);
  const [invoiceIds, setInvoiceIds] = useState<string[]>([]);
  const [rows, setRows] = useState<Row[]>([
    { key: 1, dueDate: '', amount: '' },
    { key: 2, dueDate: '', amount: '' },
  ]);
  const update = (key: number, change: Partial<Row>) =>
    setRows((before) => before.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const currency = props.view.openInvoices[0]?.currency ?? 'EUR';
  const typed = rows.map((row) => centsFrom(row.amount, words.language));
  const total = typed.reduce<number>(
    (sum, cents) => sum + (typeof cents === 'number' && Number.isFinite(cents) ? cents : 0),
    0,
  );
  const body: PlanBody = {
    invoiceIds,
    instalments: rows.map((row, i) => ({ dueDate: row.dueDate, amount: typed[i] as number })),
  };
  const [saving, setSaving] = useState(false);
  const check = usePlanCheck(
    api,
    props.view.debtor.id,
    body,
    !saving && invoiceIds.length > 0 && rows.some((row) => row.dueDate || row.amount.trim()),
  );
  const save = async () => {
    setSaving(true);
    await action.run(() =>
      api.call('post', '/debtors/{id}/payment-plans', { path: { id: props.view.debtor.id }, body }),
    );
  };
  const typing = (change: () => void) => {
    setSaving(false);
    change();
  };
  // The messages at the fields: those of the latest check while typing, those of the save after it.
  const checkIssues = check.error instanceof ApiError ? check.error.issues : [];
  const fields: Action =
    saving || check.state === 'idle'
      ? action
      : {
          ...action,
          issuesOf: (name) =>
            checkIssues
              .filter((issue) => issue.path === name || issue.path === `body.${name}`)
              .map((issue) => issue.message),
        };
  return (
    <form
      class="form"
      aria-label={t.actions.plan}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <InvoicePicker
        view={props.view}
        chosen={invoiceIds}
        onChange={(ids) => typing(() => setInvoiceIds(ids))}
        action={fields}
      />
      <fieldset>
        <legend>{t.actions.instalments}</legend>
        {fields.issuesOf('instalments').length > 0 && (
          <p class="field-error" id="instalments-error">
            {fields.issuesOf('instalments').join(' ')}
          </p>
        )}
        {rows.map((row, i) => (
          <div class="instalment" key={row.key} role="group" aria-label={t.actions.instalment(i + 1)}>
            <Field
              label={`${t.actions.instalment(i + 1)}: ${t.actions.dueDate}`}
              name={`instalments.${i}.dueDate`}
              action={fields}
            >
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={row.dueDate}
                  onInput={(event) => typing(() => update(row.key, { dueDate: event.currentTarget.value }))}
                />
              )}
            </Field>
            <Field
              label={`${t.actions.instalment(i + 1)}: ${t.actions.amount}`}
              name={`instalments.${i}.amount`}
              action={fields}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="decimal"
                  value={row.amount}
                  onInput={(event) => typing(() => update(row.key, { amount: event.currentTarget.value }))}
                />
              )}
            </Field>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                typing(() => setRows((before) => before.filter((other) => other.key !== row.key)))
              }
            >
              {t.actions.removeInstalment(i + 1)}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            typing(() =>
              setRows((before) => [
                ...before,
                { key: Math.max(0, ...before.map((r) => r.key)) + 1, dueDate: '', amount: '' },
              ]),
            )
          }
        >
          {t.actions.addInstalment}
        </button>
        <p aria-live="polite">{t.actions.planTotal(words.money(total, currency))}</p>
      </fieldset>
      {!saving && <CheckStatus check={check} currency={currency} />}
      <FormStatus action={action} fields={['invoiceIds', 'instalments']} />
      <SaveButton action={action} />
    </form>
  );
}

/** What the latest check said, announced politely: the fields carry its messages. */
function CheckStatus(props: { check: PlanCheck; currency: string }) {
  const words = useWords();
  const { t } = words;
  const { check } = props;
  const placed = (path: string) => /^(body\.)?(invoiceIds|instalments)\b/.test(path);
  const text =
    check.state === 'checking'
      ? t.actions.checking
      : check.state === 'fits'
        ? t.actions.planFits(words.money(check.total ?? 0, props.currency))
        : check.state === 'refused'
          ? check.error instanceof ApiError && check.error.status === 400
            ? [
                t.actions.planRefused,
                ...check.error.issues.filter((issue) => !placed(issue.path)).map((issue) => issue.message),
              ].join(' ')
            : errorText(check.error, words)
          : '';
  return (
    <p
      class={check.state === 'refused' ? 'check refused' : 'check'}
      aria-live="polite"
      data-testid="plan-check"
    >
      {text}
    </p>
  );
}
