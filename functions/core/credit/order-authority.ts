/**
 * The largest order each kind of caller may approve through a credit check without a manager, in
 * cents (configuration: ORDER_AUTHORITY on the credit-check functions). Managers and admins have
 * no such limit. The order system is a caller of its own (its app client), not a person's role.
 */
export type OrderAuthorityHolder = 'controller' | 'order-system';
export type OrderAuthority = Record<OrderAuthorityHolder, number>;

const DEFAULT_ORDER_AUTHORITY: OrderAuthority = { controller: 25_000_00, 'order-system': 10_000_00 };

/** `controller=2500000,order-system=1000000` → the authorities, the defaults for those not named. */
export function parseOrderAuthority(value: string | undefined): OrderAuthority | undefined {
  if (value === undefined || value.trim() === '') return DEFAULT_ORDER_AUTHORITY;
  const parsed: OrderAuthority = { ...DEFAULT_ORDER_AUTHORITY };
  for (const pair of value.split(',')) {
    const [holder, amount] = pair.split('=').map((part) => part.trim());
    if ((holder !== 'controller' && holder !== 'order-system') || !/^\d{1,15}$/.test(amount ?? '')) {
      return undefined;
    }
    parsed[holder] = Number(amount);
  }
  return parsed;
}
