import { useState } from 'preact/hooks';
import type { DebtorView } from '../api/responses';
import { centsFrom, Field, FormStatus, useAction } from '../forms';
import { useWords } from '../i18n';
import { useSession } from '../session';
import { InvoicePicker } from './invoice-picker';

interface Row {
  key: number;
  dueDate: string;
  amount: string;
}

/**
 * A payment plan's schedule, row by row. Whether it fits the policy (how many, by when, how much,
 * adding up to what the invoices owe) is the API's to say: its messages appear at the rows.
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
  const save = () =>
    action.run(() =>
      api.call('post', '/debtors/{id}/payment-plans', {
        path: { id: props.view.debtor.id },
        body: {
          invoiceIds,
          instalments: rows.map((row, i) => ({ dueDate: row.dueDate, amount: typed[i] as number })),
        },
      }),
    );
  return (
    <form
      class="form"
      aria-label={t.actions.plan}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <InvoicePicker view={props.view} chosen={invoiceIds} onChange={setInvoiceIds} action={action} />
      <fieldset>
        <legend>{t.actions.instalments}</legend>
        {action.issuesOf('instalments').length > 0 && (
          <p class="field-error" id="instalments-error">
            {action.issuesOf('instalments').join(' ')}
          </p>
        )}
        {rows.map((row, i) => (
          <div class="instalment" key={row.key} role="group" aria-label={t.actions.instalment(i + 1)}>
            <Field
              label={`${t.actions.instalment(i + 1)}: ${t.actions.dueDate}`}
              name={`instalments.${i}.dueDate`}
              action={action}
            >
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={row.dueDate}
                  onInput={(event) => update(row.key, { dueDate: event.currentTarget.value })}
                />
              )}
            </Field>
            <Field
              label={`${t.actions.instalment(i + 1)}: ${t.actions.amount}`}
              name={`instalments.${i}.amount`}
              action={action}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="decimal"
                  value={row.amount}
                  onInput={(event) => update(row.key, { amount: event.currentTarget.value })}
                />
              )}
            </Field>
            <button
              type="button"
              class="secondary"
              onClick={() => setRows((before) => before.filter((other) => other.key !== row.key))}
            >
              {t.actions.removeInstalment(i + 1)}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="secondary"
          onClick={() =>
            setRows((before) => [
              ...before,
              { key: Math.max(0, ...before.map((r) => r.key)) + 1, dueDate: '', amount: '' },
            ])
          }
        >
          {t.actions.addInstalment}
        </button>
        <p aria-live="polite">{t.actions.planTotal(words.money(total, currency))}</p>
      </fieldset>
      <FormStatus action={action} fields={['invoiceIds', 'instalments']} />
      <div>
        <button type="submit" disabled={action.busy}>
          {t.actions.save}
        </button>
      </div>
    </form>
  );
}
