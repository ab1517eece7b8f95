import type { TimelineEntry } from '../api/responses';
import { ErrorMessage } from '../errors';
import { hrefOf } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { Facts, Fact } from './facts';
import type { Claim, InvoiceView } from './page-responses';
import { usePageWords } from './page-words';

/**
 * One invoice: its amounts and dunning, what the debtor owes on it today and why (from
 * GET /invoices/{id}/claim), the letters as the timeline proves them, and everything that happened.
 */
export function InvoicePage(props: { id: string }) {
  const { api } = useSession();
  const words = usePageWords();
  const { p } = words;
  const path = { id: props.id };
  const view = useLoad(
    () =>
      api.call<InvoiceView, 'get', '/invoices/{id}'>('get', '/invoices/{id}', {
        path,
        query: { lang: words.language },
      }),
    `${props.id}#${words.language}`,
  );
  const claim = useLoad(
    () => api.call<Claim, 'get', '/invoices/{id}/claim'>('get', '/invoices/{id}/claim', { path }),
    props.id,
  );
  const data = view.data;
  const invoice = data?.invoice;
  const money = (cents: number) => words.money(cents, data?.currency ?? claim.data?.currency ?? 'EUR');
  return (
    <article aria-labelledby="invoice-title">
      <h1 id="invoice-title">{p.invoice.title(invoice?.number ?? props.id)}</h1>
      <ErrorMessage error={view.error} />
      {view.loading && !data && <p role="status">{words.t.loading}</p>}
      {data && invoice && (
        <>
          <p>
            <a href={hrefOf.debtor(invoice.debtorId)}>{p.invoice.openDebtor}</a>
          </p>
          <Facts>
            <Fact term={p.invoice.debtor} value={invoice.debtorId} />
            <Fact term={p.invoice.status} value={data.status} />
            <Fact term={p.invoice.total} value={money(invoice.totalAmount)} />
            <Fact term={p.invoice.open} value={money(data.openAmount)} />
            <Fact term={p.invoice.issued} value={words.date(invoice.issueDate)} />
            <Fact term={p.invoice.due} value={words.date(invoice.dueDate)} />
            <Fact term={p.invoice.daysOverdue} value={words.number(data.daysOverdue)} />
            <Fact term={p.invoice.reference} value={invoice.paymentReference ?? '—'} />
          </Facts>
          <Dunning view={data} />
        </>
      )}
      <section aria-labelledby="claim-title">
        <h2 id="claim-title">{p.invoice.claim}</h2>
        <ErrorMessage error={claim.error} />
        {claim.data && <ClaimFigures claim={claim.data} />}
      </section>
      {data && <Letters timeline={data.timeline} />}
      {data && <Timeline timeline={data.timeline} />}
    </article>
  );
}

function Dunning({ view }: { view: InvoiceView }) {
  const words = usePageWords();
  const { p } = words;
  const dunning = view.dunning;
  return (
    <section aria-labelledby="dunning-title">
      <h2 id="dunning-title">{p.invoice.dunning}</h2>
      {!dunning ? (
        <p>{p.invoice.noDunning}</p>
      ) : (
        <Facts>
          <Fact
            term={p.invoice.policy}
            value={`${dunning.policy.name ?? dunning.policy.id} (v${dunning.policy.version})`}
          />
          <Fact term={p.invoice.dunningStatus} value={dunning.status} />
          <Fact
            term={p.invoice.lastStep}
            value={dunning.lastStep ? `${dunning.lastStep.slot} · ${words.date(dunning.lastStep.at)}` : '—'}
          />
          <Fact
            term={p.invoice.nextStep}
            value={dunning.nextStep ? `${dunning.nextStep.slot} · ${words.date(dunning.nextStep.at)}` : '—'}
          />
          {dunning.pausedFor && (
            <Fact
              term={p.invoice.pausedFor}
              value={`${dunning.pausedFor}${dunning.pausedUntil ? ` · ${words.date(dunning.pausedUntil)}` : ''}`}
            />
          )}
        </Facts>
      )}
    </section>
  );
}

function ClaimFigures({ claim }: { claim: Claim }) {
  const words = usePageWords();
  const { p } = words;
  const money = (cents: number) => words.money(cents, claim.currency);
  return (
    <>
      <p>{p.invoice.claimAsOf(words.date(claim.asOf))}</p>
      <div class="table-scroll">
        <table data-testid="claim">
          <caption class="visually-hidden">{p.invoice.claim}</caption>
          <tbody>
            <tr>
              <th scope="row">{p.invoice.principal}</th>
              <td class="num">{money(claim.principal)}</td>
            </tr>
            <tr>
              <th scope="row">{p.invoice.interest}</th>
              <td class="num">{money(claim.interest.amount)}</td>
            </tr>
            <tr>
              <th scope="row">{p.invoice.costs}</th>
              <td class="num">{money(claim.costs.amount)}</td>
            </tr>
            {claim.costs.vat > 0 && (
              <tr>
                <th scope="row">{p.invoice.costsVat}</th>
                <td class="num">{money(claim.costs.vat)}</td>
              </tr>
            )}
            <tr>
              <th scope="row">{p.invoice.claimTotal}</th>
              <td class="num">
                <strong>{money(claim.total)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <Facts>
        <Fact term={p.invoice.costsRule} value={p.invoice.rules[claim.costs.rule]} />
        <Fact
          term={p.invoice.costsDueFrom}
          value={claim.costs.dueFrom ? words.date(claim.costs.dueFrom) : '—'}
        />
        <Fact
          term={p.invoice.limitation}
          value={p.invoice.lapsesOn(
            words.date(claim.limitation.lapsesOn),
            claim.limitation.daysLeft,
            claim.limitation.article,
          )}
        />
        <Fact
          term={p.invoice.badDebtVat}
          value={p.invoice.reclaimableFrom(
            words.date(claim.badDebtVat.reclaimableFrom),
            claim.badDebtVat.reclaimable,
          )}
        />
      </Facts>
      {claim.costs.letter && (
        <p>
          {p.invoice.costsLetter(words.date(claim.costs.letter.sentOn), claim.costs.letter.invoiceIds.length)}
        </p>
      )}
      <h3>{p.invoice.periods}</h3>
      {claim.interest.periods.length === 0 ? (
        <p>{p.invoice.noPeriods}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{p.invoice.periods}</caption>
            <thead>
              <tr>
                <th scope="col">{p.invoice.from}</th>
                <th scope="col">{p.invoice.to}</th>
                <th scope="col" class="num">
                  {p.invoice.days}
                </th>
                <th scope="col" class="num">
                  {p.invoice.rate}
                </th>
                <th scope="col" class="num">
                  {p.invoice.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {claim.interest.periods.map((period) => (
                <tr key={period.from}>
                  <td>{words.date(period.from)}</td>
                  <td>{words.date(period.to)}</td>
                  <td class="num">{words.number(period.days)}</td>
                  <td class="num">{`${words.number(period.ratePercent)}%`}</td>
                  <td class="num">{money(period.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{p.invoice.why}</h3>
      <ul>
        {claim.explanation.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The letters of the invoice as its timeline proves them: what went where, and whether it arrived. */
function Letters({ timeline }: { timeline: TimelineEntry[] }) {
  const words = usePageWords();
  const { p } = words;
  const outcome = (type: TimelineEntry['type'], messageId: string | undefined) =>
    timeline.find((entry) => entry.type === type && text(entry.details?.messageId) === messageId);
  const letters = timeline.filter((entry) => entry.type === 'email_sent');
  return (
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">{p.invoice.letters}</h2>
      {letters.length === 0 ? (
        <p>{p.invoice.noLetters}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{p.invoice.letters}</caption>
            <thead>
              <tr>
                <th scope="col">{p.invoice.sentAt}</th>
                <th scope="col">{p.invoice.subject}</th>
                <th scope="col">{p.invoice.recipient}</th>
                <th scope="col">{p.invoice.template}</th>
                <th scope="col">{p.invoice.delivery}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => {
                const messageId = text(letter.details?.messageId);
                const delivered = outcome('email_delivered', messageId);
                const bounced = outcome('email_bounced', messageId);
                const term = letter.details?.fourteenDayTerm as { endsOn?: string } | undefined;
                return (
                  <tr key={letter.sequence}>
                    <td>{letter.atLocal}</td>
                    <th scope="row">
                      {text(letter.details?.subject) ?? letter.summary}
                      {term?.endsOn && <div class="hint">{p.invoice.term(words.date(term.endsOn))}</div>}
                    </th>
                    <td>{text(letter.details?.recipient) ?? '—'}</td>
                    <td>{text(letter.details?.template) ?? letter.step?.name ?? '—'}</td>
                    <td>
                      {bounced
                        ? p.invoice.bounced(bounced.atLocal)
                        : delivered
                          ? p.invoice.delivered(delivered.atLocal)
                          : p.invoice.unconfirmed}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Timeline({ timeline }: { timeline: TimelineEntry[] }) {
  const { p } = usePageWords();
  // Newest first, as the debtor's timeline reads.
  const entries = [...timeline].reverse();
  return (
    <section aria-labelledby="invoice-timeline-title">
      <h2 id="invoice-timeline-title">{p.invoice.timeline}</h2>
      <ol class="plain timeline">
        {entries.map((entry) => (
          <li key={entry.sequence}>
            <div class="when">
              {entry.atLocal} · {entry.title}
              {entry.step ? ` · ${entry.step.name}` : ''} · {entry.actor.name}
            </div>
            <div>{entry.summary}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
