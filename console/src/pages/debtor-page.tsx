import type { DebtorView } from '../api/responses';
import { ErrorMessage } from '../errors';
import { useWords } from '../i18n';
import { hrefOf } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';

export function DebtorPage(props: { id: string }) {
  const { api } = useSession();
  const { t } = useWords();
  const view = useLoad(
    () => api.call<DebtorView, 'get', '/debtors/{id}'>('get', '/debtors/{id}', { path: { id: props.id } }),
    props.id,
  );
  return (
    <section aria-labelledby="debtor-title">
      <p>
        <a href={hrefOf.worklist()}>{t.debtor.back}</a>
      </p>
      <h1 id="debtor-title">{view.data?.debtor.name ?? props.id}</h1>
      <ErrorMessage error={view.error} />
    </section>
  );
}
