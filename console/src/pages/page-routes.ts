/**
 * The hash routes of the Invoice, Search, Reports and Settings pages, registered in router.ts:
 * `#/invoices/F-1`, `#/search?q=…`, `#/reports`, `#/settings`.
 */
export type PageRoute =
  | { page: 'invoice'; id: string }
  | { page: 'search'; q: string }
  | { page: 'reports' }
  | { page: 'settings' };

/** The route of a hash path (without the `#`), or undefined when it is none of these pages. */
export function parsePageRoute(path: string): PageRoute | undefined {
  const [pathname = '', search = ''] = path.split('?', 2);
  const invoice = /^\/invoices\/([^/]+)$/.exec(pathname);
  if (invoice?.[1]) return { page: 'invoice', id: decodeURIComponent(invoice[1]) };
  if (pathname === '/search') return { page: 'search', q: new URLSearchParams(search).get('q') ?? '' };
  if (pathname === '/reports') return { page: 'reports' };
  if (pathname === '/settings') return { page: 'settings' };
  return undefined;
}

export const pageHrefs = {
  invoice: (id: string) => `#/invoices/${encodeURIComponent(id)}`,
  search: (q = '') => (q ? `#/search?${new URLSearchParams({ q })}` : '#/search'),
  reports: () => '#/reports',
  settings: () => '#/settings',
};
