import { useEffect, useState } from 'preact/hooks';
import { type PageRoute, pageHrefs, parsePageRoute } from './pages/page-routes';

/**
 * Hash routes (`#/debtors/D-1`): a static host serves one index.html for every page, with no
 * rewrite rules, and the sign-in redirect keeps the page asked for in its state.
 */
export type Route = { page: 'worklist' } | { page: 'debtor'; id: string } | { page: 'not-found' } | PageRoute;

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { page: 'worklist' };
  const debtor = /^\/debtors\/([^/]+)$/.exec(path);
  if (debtor?.[1]) return { page: 'debtor', id: decodeURIComponent(debtor[1]) };
  return parsePageRoute(path) ?? { page: 'not-found' };
}

export const hrefOf = {
  worklist: () => '#/',
  debtor: (id: string) => `#/debtors/${encodeURIComponent(id)}`,
  ...pageHrefs,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}
