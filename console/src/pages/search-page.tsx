import { useState } from 'preact/hooks';
import { ErrorMessage } from '../errors';
import { hrefOf } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import type { DebtorList, DebtorSummary, InvoiceList, InvoiceSummary } from './page-responses';
import { usePageWords } from './page-words';

interface Found {
  debtors: DebtorSummary[];
  invoices: InvoiceSummary[];
}

/**
 * One box for what a debtor quotes on the phone: an invoice number or payment reference
 * (GET /invoices?number= and ?reference=) and a debtor's name or id (GET /debtors?q=), asked at once.
 * What was searched for is in the address, so the browser's back button returns to the results.
 */
export function SearchPage(props: { q: string }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const [typed, setTyped] = useState(props.q);
  const found = useLoad<Found | undefined>(async () => {
    const q = props.q.trim();
    if (!q) return undefined;
    const invoices = (query: { number: string } | { reference: string }) =>
      api.call<InvoiceList, 'get', '/invoices'>('get', '/invoices', {
        query: { ...query, limit: 20 },
      });
    const [debtors, byNumber, byReference] = await Promise.all([
      api.call<DebtorList, 'get', '/debtors'>('get', '/debtors', {
        query: { q, limit: 20 },
      }),
      invoices({ number: q }),
      invoices({ reference: q }),
    ]);
    const seen = new Set<string>();
    return {
      debtors: debtors.debtors,
      invoices: [...byNumber.invoices, ...byReference.invoices].filter(
        (invoice) => !seen.has(invoice.id) && Boolean(seen.add(invoice.id)),
      ),
    };
  }, props.q);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{p.search.title}</h1>
      <form
        role="search"
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          location.hash = hrefOf.search(typed.trim());
        }}
      >
        <div class="field">
          <label for="search-q">{p.search.label}</label>
          <input
            id="search-q"
            type="search"
            name="q"
            size={40}
            value={typed}
            aria-describedby="search-hint"
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <span class="hint" id="search-hint">
            {p.search.hint}
          </span>
        </div>
        <button type="submit">{p.search.submit}</button>
      </form>
      <ErrorMessage error={found.error} />
      {found.loading && props.q && <p role="status">{words.t.loading}</p>}
      {!found.loading && found.data && <Results found={found.data} />}
    </section>
  );
}

function Results({ found }: { found: Found }) {
  const words = usePageWords();
  const { p } = words;
  return (
    <>
      <p role="status">{p.search.found(found.debtors.length, found.invoices.length)}</p>
      <h2 id="found-invoices">{p.search.invoices}</h2>
      {found.invoices.length === 0 ? (
        <p>{p.search.noInvoices}</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="found-invoices">
            <thead>
              <tr>
                <th scope="col">{p.search.number}</th>
                <th scope="col">{p.search.debtor}</th>
                <th scope="col">{p.search.due}</th>
                <th scope="col" class="num">
                  {p.search.open}
                </th>
                <th scope="col">{p.search.status}</th>
              </tr>
            </thead>
            <tbody>
              {found.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">
                    <a href={hrefOf.invoice(invoice.id)}>{invoice.number}</a>
                  </th>
                  <td>
                    <a href={hrefOf.debtor(invoice.debtorId)}>{invoice.debtorId}</a>
                  </td>
                  <td>{words.date(invoice.dueDate)}</td>
                  <td class="num">{words.money(invoice.openAmount, invoice.currency)}</td>
                  <td>{invoice.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="found-debtors">{p.search.debtors}</h2>
      {found.debtors.length === 0 ? (
        <p>{p.search.noDebtors}</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="found-debtors">
            <thead>
              <tr>
                <th scope="col">{p.search.name}</th>
                <th scope="col">{p.search.id}</th>
                <th scope="col">{p.search.segment}</th>
                <th scope="col">{p.search.owner}</th>
              </tr>
            </thead>
            <tbody>
              {found.debtors.map((debtor) => (
                <tr key={debtor.id}>
                  <th scope="row">
                    <a href={hrefOf.debtor(debtor.id)}>{debtor.name}</a>
                  </th>
                  <td>{debtor.id}</td>
                  <td>{debtor.segment}</td>
                  <td>{debtor.owner ? (debtor.owner.email ?? debtor.owner.sub) : p.search.nobody}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
