import { useState } from 'preact/hooks';
import type { DebtorView, TimelineEntry, TimelinePage, Worklist } from '../api/responses';
import { ErrorMessage } from '../errors';
import { useWords } from '../i18n';
import { hrefOf } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { DebtorActions } from './debtor-actions';

/** A debtor at a glance: who, what is open and how its dunning stands, what happened, what to do. */
export function DebtorPage(props: { id: string }) {
  const { api } = useSession();
  const words = useWords();
  const { t } = words;
  const [round, setRound] = useState(0);
  const path = { id: props.id };
  const view = useLoad(
    () => api.call<DebtorView, 'get', '/debtors/{id}'>('get', '/debtors/{id}', { path }),
    `${props.id}#${round}`,
  );
  // The debtor's open tasks, as the worklist gives them to its owner (or the unowned's reader).
  const tasks = useLoad(async () => {
    const list = await api.call<Worklist, 'get', '/worklist'>('get', '/worklist').catch(() => undefined);
    return list?.entries.find((entry) => entry.debtorId === props.id)?.tasks ?? [];
  }, `${props.id}#${round}`);
  const refresh = () => setRound((n) => n + 1);

  const data = view.data;
  const debtor = data?.debtor;
  return (
    <article aria-labelledby="debtor-title">
      <p>
        <a href={hrefOf.worklist()}>{t.debtor.back}</a>
      </p>
      <h1 id="debtor-title">{debtor?.name ?? props.id}</h1>
      <ErrorMessage error={view.error} />
      {data && debtor && (
        <>
          <dl class="facts">
            <Fact term={t.debtor.contact} value={debtor.contact?.name ?? '—'} />
            <Fact term={t.debtor.phone} value={debtor.phone ?? '—'} />
            <Fact term={t.debtor.email} value={debtor.email ?? '—'} />
            <Fact
              term={t.debtor.owner}
              value={debtor.owner ? (debtor.owner.email ?? debtor.owner.sub) : t.worklist.nobody}
            />
            <Fact term={t.debtor.segment} value={data.segment.id} />
            <Fact term={t.debtor.score} value={`${words.number(data.score.value)}/100`} />
            <Fact
              term={t.debtor.credit}
              value={debtor.creditHold ? t.debtor.creditHold : t.debtor.creditOk}
            />
            <Fact
              term={t.debtor.creditLimit}
              value={
                debtor.creditLimit
                  ? words.money(debtor.creditLimit.amount, debtor.creditLimit.currency)
                  : t.debtor.noLimit
              }
            />
            <Fact
              term={t.debtor.management}
              value={data.management === 'special' ? t.debtor.special : t.debtor.normal}
            />
            {Object.entries(data.balance).map(([currency, cents]) => (
              <Fact
                key={`b${currency}`}
                term={`${t.debtor.balance} (${currency})`}
                value={words.money(cents, currency)}
              />
            ))}
            {Object.entries(data.overdue).map(([currency, cents]) => (
              <Fact
                key={`o${currency}`}
                term={`${t.debtor.overdue} (${currency})`}
                value={words.money(cents, currency)}
              />
            ))}
          </dl>
          <div class="columns">
            <div>
              <Invoices view={data} />
              <Timeline id={props.id} round={round} />
            </div>
            <div>
              <h2>{t.debtor.actions}</h2>
              <DebtorActions view={data} tasks={tasks.data ?? []} onChange={refresh} />
            </div>
          </div>
        </>
      )}
    </article>
  );
}

function Fact(props: { term: string; value: string }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

function Invoices({ view }: { view: DebtorView }) {
  const words = useWords();
  const { t } = words;
  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t.debtor.invoices}</h2>
      {view.openInvoices.length === 0 ? (
        <p>{t.debtor.noInvoices}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.debtor.invoice}</th>
                <th scope="col">{t.debtor.due}</th>
                <th scope="col" class="num">
                  {t.debtor.daysOverdue}
                </th>
                <th scope="col" class="num">
                  {t.debtor.openAmount}
                </th>
                <th scope="col">{t.debtor.status}</th>
                <th scope="col">{t.debtor.dunning}</th>
              </tr>
            </thead>
            <tbody>
              {view.openInvoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">{invoice.number}</th>
                  <td>{words.date(invoice.dueDate)}</td>
                  <td class="num">{words.number(invoice.daysOverdue)}</td>
                  <td class="num">{words.money(invoice.openAmount, invoice.currency)}</td>
                  <td>{invoice.status}</td>
                  <td data-testid="dunning-state">
                    {invoice.pausedFor
                      ? t.debtor.paused(
                          invoice.pausedFor,
                          invoice.pausedUntil ? words.date(invoice.pausedUntil) : undefined,
                        )
                      : t.debtor.running}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Timeline(props: { id: string; round: number }) {
  const { api } = useSession();
  const words = useWords();
  const { t } = words;
  const [older, setOlder] = useState<{ events: TimelineEntry[]; cursor?: string }>({ events: [] });
  const first = useLoad(async () => {
    setOlder({ events: [] });
    return api.call<TimelinePage, 'get', '/debtors/{id}/timeline'>('get', '/debtors/{id}/timeline', {
      path: { id: props.id },
      query: { limit: 20, lang: words.language },
    });
  }, `${props.id}#${props.round}#${words.language}`);
  const events = [...(first.data?.events ?? []), ...older.events];
  const cursor = older.cursor ?? (older.events.length === 0 ? first.data?.cursor : undefined);
  const more = async () => {
    if (!cursor) return;
    const page = await api.call<TimelinePage, 'get', '/debtors/{id}/timeline'>(
      'get',
      '/debtors/{id}/timeline',
      {
        path: { id: props.id },
        query: { limit: 20, cursor, lang: words.language },
      },
    );
    setOlder((before) => ({
      events: [...before.events, ...page.events],
      ...(page.cursor ? { cursor: page.cursor } : {}),
    }));
  };
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.debtor.timeline}</h2>
      <ErrorMessage error={first.error} />
      <ol class="plain timeline">
        {events.map((entry) => (
          <li key={`${entry.sequence}-${entry.at}`}>
            <div class="when">
              {entry.atLocal} · {entry.title}
              {entry.step ? ` · ${entry.step.name}` : ''} · {entry.actor.name}
            </div>
            <div>{entry.summary}</div>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" class="secondary" onClick={() => void more()}>
          {t.debtor.moreTimeline}
        </button>
      )}
    </section>
  );
}
