import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth';
import { type Language, rememberLanguage, wordsFor, WordsContext } from './i18n';
import { DebtorPage } from './pages/debtor-page';
import { PageNavLinks, PageView } from './pages/page-nav';
import { WorklistPage } from './pages/worklist-page';
import { hrefOf, useRoute } from './router';
import { SessionContext } from './session';

export function App(props: {
  session: Session;
  api: ApiClient;
  initialLanguage: Language;
  onSignOut: () => Promise<void>;
}) {
  const [language, setLanguage] = useState(props.initialLanguage);
  const words = useMemo(() => wordsFor(language), [language]);
  const route = useRoute();
  const { t } = words;
  const choose = (next: Language) => {
    rememberLanguage(next);
    setLanguage(next);
  };
  return (
    <WordsContext.Provider value={words}>
      <SessionContext.Provider value={{ session: props.session, api: props.api }}>
        <a
          class="skip"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t.skipToContent}
        </a>
        <header class="bar">
          <span class="brand">{t.appName}</span>
          <nav aria-label={t.nav.main}>
            <a href={hrefOf.worklist()} aria-current={route.page === 'worklist' ? 'page' : undefined}>
              {t.nav.worklist}
            </a>
            <PageNavLinks route={route} />
          </nav>
          <div class="user">
            <label>
              {t.language}{' '}
              <select value={language} onChange={(event) => choose(event.currentTarget.value as Language)}>
                <option value="nl" lang="nl">
                  Nederlands
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            </label>
            <span>{t.signedInAs(props.session.name, props.session.roles.join(', '))}</span>
            <button type="button" onClick={() => void props.onSignOut()}>
              {t.signOut}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {route.page === 'worklist' ? (
            <WorklistPage />
          ) : route.page === 'debtor' ? (
            <DebtorPage key={route.id} id={route.id} />
          ) : route.page !== 'not-found' ? (
            <PageView route={route} />
          ) : (
            <p>{t.notFound}</p>
          )}
        </main>
      </SessionContext.Provider>
    </WordsContext.Provider>
  );
}
