import { useState } from 'preact/hooks';
import type { PolicyList, Worklist } from '../api/responses';
import { ErrorMessage } from '../errors';
import { useWords } from '../i18n';
import { hrefOf } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import type { DebtorList } from './page-responses';

type Whose = 'both' | 'mine' | 'unowned';

/**
 * The day's accounts, most important first, as GET /worklist orders them. The filters only narrow
 * what the API gave (mine, unowned) or ask the API which debtors are in a segment.
 */
export function WorklistPage() {
  const { api, session } = useSession();
  const words = useWords();
  const { t } = words;
  const [whose, setWhose] = useState<Whose>('both');
  const [segment, setSegment] = useState('');
  const list = useLoad(
    () =>
      api.call<Worklist, 'get', '/worklist'>('get', '/worklist', {
        query: whose === 'unowned' ? { owner: 'none' } : {},
      }),
    whose,
  );
  const policies = useLoad(() => api.call<PolicyList, 'get', '/policies'>('get', '/policies'), 'policies');
  const inSegment = useLoad(
    () => (segment ? debtorsInSegment(segment) : Promise.resolve(undefined)),
    segment,
  );

  async function debtorsInSegment(id: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await api.call<DebtorList, 'get', '/debtors'>('get', '/debtors', {
        query: { segment: id, limit: 100, ...(cursor ? { cursor } : {}) },
      });
      for (const debtor of page.debtors) ids.add(debtor.id);
      cursor = page.cursor;
    } while (cursor);
    return ids;
  }

  const chosen = (entry: Worklist['entries'][number]) =>
    (whose !== 'mine' || entry.owner?.sub === session.sub) &&
    (!segment || inSegment.data === undefined || inSegment.data.has(entry.debtorId));
  const entries = (list.data?.entries ?? []).filter(chosen);

  return (
    <section aria-labelledby="worklist-title">
      <h1 id="worklist-title">{t.worklist.title}</h1>
      {list.data && <p>{t.worklist.date(words.date(list.data.date))}</p>}
      <form class="filters" aria-label={t.worklist.filters} onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t.worklist.whose}</legend>
          {(['both', 'mine', 'unowned'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="whose"
                value={value}
                checked={whose === value}
                onChange={() => setWhose(value)}
              />
              {value === 'both'
                ? t.worklist.mineAndUnowned
                : value === 'mine'
                  ? t.worklist.mine
                  : t.worklist.unowned}
            </label>
          ))}
        </fieldset>
        <label>
          {t.worklist.segment}{' '}
          <select value={segment} onChange={(event) => setSegment(event.currentTarget.value)}>
            <option value="">{t.worklist.anySegment}</option>
            {(policies.data?.policies ?? []).map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name ?? policy.id}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorMessage error={list.error ?? inSegment.error} />
      {list.loading && !list.data ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <p role="status">{t.worklist.count(entries.length)}</p>
          {entries.length === 0 ? (
            <p>{t.worklist.empty}</p>
          ) : (
            <div class="table-scroll">
              <table class="worklist">
                <caption class="visually-hidden">{t.worklist.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.worklist.debtor}</th>
                    <th scope="col" class="num">
                      {t.worklist.priority}
                    </th>
                    <th scope="col">{t.worklist.reasons}</th>
                    <th scope="col" class="num">
                      {t.worklist.overdue}
                    </th>
                    <th scope="col" class="num">
                      {t.worklist.oldest}
                    </th>
                    <th scope="col">{t.worklist.tasks}</th>
                    <th scope="col">{t.worklist.nextAction}</th>
                    <th scope="col">{t.worklist.owner}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.debtorId}>
                      <th scope="row">
                        <a href={hrefOf.debtor(entry.debtorId)}>{entry.name}</a>
                      </th>
                      <td class="num">{words.number(entry.priority)}</td>
                      <td>
                        <ul class="plain">
                          {entry.reasons.map((reason) => (
                            <li key={reason.factor}>{reason.detail}</li>
                          ))}
                        </ul>
                      </td>
                      <td class="num">{words.money(entry.overdueAmount, entry.currency)}</td>
                      <td class="num">{words.number(entry.oldestDaysOverdue)}</td>
                      <td>
                        <ul class="plain">
                          {entry.tasks.map((task) => (
                            <li key={task.id}>{task.summary}</li>
                          ))}
                        </ul>
                      </td>
                      <td>{entry.nextAction}</td>
                      <td>{entry.owner ? (entry.owner.email ?? entry.owner.sub) : t.worklist.nobody}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Waiting entries={(list.data?.waiting ?? []).filter(chosen)} />
        </>
      )}
    </section>
  );
}

/**
 * The debtors off today's list, as GET /worklist gives them: each waits for a promise, a hold or a
 * plan, and is back on the day the API names.
 */
function Waiting(props: { entries: Worklist['waiting'] }) {
  const words = useWords();
  const { t } = words;
  if (props.entries.length === 0) return null;
  return (
    <section aria-labelledby="waiting-title" data-testid="waiting">
      <h2 id="waiting-title">{t.worklist.waiting}</h2>
      <p>{t.worklist.waitingIntro}</p>
      <ul class="waiting">
        {props.entries.map((entry) => (
          <li key={entry.debtorId}>
            <a href={hrefOf.debtor(entry.debtorId)}>{entry.name}</a> ·{' '}
            {words.money(entry.overdueAmount, entry.currency)} ·{' '}
            <strong>
              {entry.returnsOn ? t.worklist.backOn(words.date(entry.returnsOn)) : t.worklist.backIfMissed}
            </strong>
            <br />
            <span class="hint">{entry.nextAction}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
