import type { Route } from '../router';
import { useSession } from '../session';
import { InvoicePage } from './invoice-page';
import { pageHrefs, type PageRoute } from './page-routes';
import { usePageWords } from './page-words';
import { ReportsPage } from './reports-page';
import { SearchPage } from './search-page';
import { SettingsPage } from './settings-page';
import './pages.css';

const hasRole = (roles: readonly string[], ...wanted: string[]) =>
  roles.some((role) => wanted.includes(role));

/** The links of the navigation to these pages, as far as the user's role reads them. */
export function PageNavLinks(props: { route: Route }) {
  const { session } = useSession();
  const { p } = usePageWords();
  const current = (page: PageRoute['page']) => (props.route.page === page ? 'page' : undefined);
  return (
    <>
      <a href={pageHrefs.search()} aria-current={current('search')}>
        {p.nav.search}
      </a>
      {hasRole(session.roles, 'manager', 'admin') && (
        <a href={pageHrefs.reports()} aria-current={current('reports')}>
          {p.nav.reports}
        </a>
      )}
      {hasRole(session.roles, 'admin') && (
        <a href={pageHrefs.settings()} aria-current={current('settings')}>
          {p.nav.settings}
        </a>
      )}
    </>
  );
}

/** One of these pages; the API still decides what the user may read and change on it. */
export function PageView({ route }: { route: PageRoute }) {
  switch (route.page) {
    case 'invoice':
      return <InvoicePage key={route.id} id={route.id} />;
    case 'search':
      return <SearchPage key={route.q} q={route.q} />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
