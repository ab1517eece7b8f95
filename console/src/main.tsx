import { render } from 'preact';
import { createApiClient } from './api/client';
import { App } from './app';
import { createAuth } from './auth';
import { loadConfig } from './config';
import { initialLanguage, rememberLanguage, wordsFor } from './i18n';
import './styles.css';

/**
 * Starts the console: reads config.json, completes a sign-in redirect if this load is one, and
 * otherwise sends the user to sign in (unless they just signed out, when they choose to).
 */
async function start(root: HTMLElement) {
  const language = initialLanguage();
  rememberLanguage(language);
  const words = wordsFor(language);
  const config = await loadConfig();
  const auth = createAuth(config);
  const session = await auth.completeSignIn();
  if (!session) {
    if (new URLSearchParams(location.search).has('signed-out') || sessionStorage.getItem('signed-out')) {
      sessionStorage.removeItem('signed-out');
      render(
        <SignedOut
          text={words.t.signedOut}
          action={words.t.signIn}
          onSignIn={() => auth.signIn(location.hash || '#/')}
        />,
        root,
      );
      return;
    }
    root.textContent = words.t.signingIn;
    await auth.signIn(location.hash || '#/');
    return;
  }
  const api = createApiClient(
    config.apiBase,
    () => session.token,
    () => undefined,
  );
  const signOut = async () => {
    sessionStorage.setItem('signed-out', '1');
    await auth.signOut();
  };
  render(<App session={session} api={api} initialLanguage={language} onSignOut={signOut} />, root);
}

function SignedOut(props: { text: string; action: string; onSignIn: () => void }) {
  return (
    <main class="signed-out">
      <h1>{props.text}</h1>
      <button type="button" onClick={props.onSignIn}>
        {props.action}
      </button>
    </main>
  );
}

const root = document.getElementById('app')!;
start(root).catch((error: unknown) => {
  root.textContent = error instanceof Error ? error.message : String(error);
});
