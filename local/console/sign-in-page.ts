import { LOCAL_USERS } from '../auth/local-issuer';

/** The local stand-in for the hosted UI's sign-in page: pick a role, and a name if not the demo user. */

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const page = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>${head}
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}
fieldset{border:1px solid #c8cdd3;border-radius:4px;margin:1rem 0}label{display:block;margin:.35rem 0}
input[type=text]{font:inherit;padding:.3rem;width:100%;box-sizing:border-box}button{font:inherit;padding:.4rem 1rem;background:#16324f;color:#fff;border:0;border-radius:4px}
:focus-visible{outline:3px solid #c25400;outline-offset:2px}.hint{color:#4a525c;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`;

const PASSED_ON = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
];

export function signInPage(request: URLSearchParams): string {
  const hidden = PASSED_ON.filter((name) => request.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escape(request.get(name) ?? '')}">`)
    .join('');
  const roles = (['controller', 'manager', 'admin', 'special'] as const)
    .map(
      (role, i) =>
        `<label><input type="radio" name="role" value="${role}"${i === 0 ? ' checked' : ''}> ${role} — ${escape(LOCAL_USERS[role].name)}</label>`,
    )
    .join('');
  return page(
    'Sign in (local)',
    `<h1>Sign in to credit control (local)</h1>
<p>The local token issuer stands in for the Cognito hosted UI: no password, pick who you are.</p>
<form method="get" action="sign-in">${hidden}
<fieldset><legend>Role</legend>${roles}</fieldset>
<label for="name">User name</label>
<input type="text" id="name" name="name" autocomplete="name" aria-describedby="name-hint">
<p class="hint" id="name-hint">Empty: the role's demo user. Another name signs in as a user of its own, with user id <code>local-&lt;name&gt;</code> (e.g. <code>local-piet-smit</code>).</p>
<button type="submit">Sign in</button></form>`,
  );
}

export function redirectPage(to: string): string {
  const target = escape(to);
  return page(
    'Signing in…',
    `<h1>Signing in…</h1><p><a href="${target}">Continue to the console</a></p>`,
    `<meta http-equiv="refresh" content="0;url=${target}">`,
  );
}

export function signedOutPage(back: string | undefined): string {
  const link =
    back && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(back) ? escape(back) : undefined;
  return page(
    'Signed out',
    `<h1>Signed out</h1>${link ? `<p><a href="${link}">Back to the console</a></p>` : ''}`,
    link ? `<meta http-equiv="refresh" content="0;url=${link}">` : '',
  );
}
