import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../local/api/route-matcher';

const routes = [
  { method: 'GET', path: '/invoices/{id}' },
  { method: 'GET', path: '/invoices/overdue' },
  { method: 'POST', path: '/invoices/{id}/promises' },
];

describe('the local API route matcher', () => {
  it('fills path parameters from the template, decoded', () => {
    expect(matchRoute(routes, 'POST', '/invoices/INV%202025-1/promises')).toEqual({
      kind: 'found',
      target: routes[2],
      pathParameters: { id: 'INV 2025-1' },
    });
  });

  it('prefers a literal segment over a parameter, as API Gateway does', () => {
    const match = matchRoute(routes, 'GET', '/invoices/overdue');

    expect(match).toMatchObject({ kind: 'found', target: { path: '/invoices/overdue' }, pathParameters: {} });
  });

  it('tells a wrong method apart from an unknown path', () => {
    expect(matchRoute(routes, 'DELETE', '/invoices/INV-1')).toEqual({
      kind: 'wrong-method',
      allowed: ['GET'],
    });
    expect(matchRoute(routes, 'GET', '/debtors/D-1')).toEqual({ kind: 'not-found' });
  });
});
