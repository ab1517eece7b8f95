import type { StoredPayment } from './mollie-objects';

/**
 * The local checkout's pages: plain HTML forms, no script, usable on a phone and in a test. Its
 * colours keep 4.5:1 contrast and its buttons are 44 px high (WCAG 2.1 AA), as the debtor's own
 * page does, since the debtor passes through it on the way from that page.
 */
const e = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}.amount{font-size:2rem;font-weight:700;margin:.5rem 0}
form{display:inline-block;margin:1rem .5rem 0 0}button{font-size:1rem;min-height:44px;padding:.7rem 1.4rem;border-radius:.4rem;border:1px solid #1e7b34;cursor:pointer}
button[value=pay]{background:#1e7b34;color:#fff}button[value=cancel]{background:#fff;color:#1b1b1b;border-color:#5f6368}
button:focus{outline:3px solid #1b1b1b;outline-offset:2px}
.note{color:#555;font-size:.9rem;margin-top:2rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function money(payment: StoredPayment): string {
  const [whole, cents] = payment.amount.value.split('.');
  return `${payment.amount.currency === 'EUR' ? '€' : payment.amount.currency} ${whole},${cents}`;
}

/** "Pay" and "cancel" post the form back to this payment's checkout; nothing else happens. */
export function checkoutPage(payment: StoredPayment): string {
  return page(
    'Pay — local Mollie checkout',
    `<h1>Pay with iDEAL</h1>
<p>${e(payment.description)}</p>
<p class="amount">${e(money(payment))}</p>
<form method="post" action="/checkout/${e(payment.id)}"><button type="submit" name="action" value="pay">Pay ${e(money(payment))}</button></form>
<form method="post" action="/checkout/${e(payment.id)}"><button type="submit" name="action" value="cancel">Cancel</button></form>
<p class="note">Local test checkout (payment ${e(payment.id)}): no money moves. Mollie's own page offers iDEAL, cards and more.</p>`,
  );
}

/** A payment that can no longer be paid: paid, canceled or expired. */
export function donePage(payment: StoredPayment): string {
  const what =
    payment.status === 'paid'
      ? 'Paid. Thank you.'
      : payment.status === 'canceled'
        ? 'Payment canceled.'
        : `Payment ${payment.status}.`;
  return page(what, `<h1>${e(what)}</h1><p>${e(payment.description)}: ${e(money(payment))}</p>`);
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
}
