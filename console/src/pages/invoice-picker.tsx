import type { DebtorView } from '../api/responses';
import type { Action } from '../forms';
import { useWords } from '../i18n';

/** Which of the debtor's open invoices an action covers; the API says whether they may be. */
export function InvoicePicker(props: {
  view: DebtorView;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  action: Action;
}) {
  const words = useWords();
  const messages = [
    ...props.action.issuesOf('invoiceIds'),
    ...props.view.openInvoices.flatMap((_, i) => props.action.issuesOf(`invoiceIds.${i}`)),
  ];
  const errorId = `invoices-error-${props.view.debtor.id}`;
  return (
    <fieldset aria-describedby={messages.length > 0 ? errorId : undefined}>
      <legend>{words.t.actions.invoices}</legend>
      {props.view.openInvoices.map((invoice) => (
        <label key={invoice.id}>
          <input
            type="checkbox"
            name="invoiceIds"
            value={invoice.id}
            checked={props.chosen.includes(invoice.id)}
            onChange={(event) =>
              props.onChange(
                event.currentTarget.checked
                  ? [...props.chosen, invoice.id]
                  : props.chosen.filter((id) => id !== invoice.id),
              )
            }
          />{' '}
          {invoice.number} · {words.money(invoice.openAmount, invoice.currency)}
        </label>
      ))}
      {messages.length > 0 && (
        <span class="field-error" id={errorId}>
          {messages.join(' ')}
        </span>
      )}
    </fieldset>
  );
}
