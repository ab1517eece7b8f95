import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { errorText } from '../errors';
import { useAction } from '../forms';
import { useLoad } from '../use-load';
import { usePageWords } from './page-words';

/** Who stored a version and when; `undefined` when the API does not record it. */
interface ChangedBy {
  by?: string;
  at?: string;
}

interface VersionedSettingProps<T> {
  id: string;
  title: string;
  /** A setting within a section of its own takes a lower heading. */
  headingLevel?: 2 | 3;
  /** Which record: a change reloads the form. */
  recordKey: string;
  load(): Promise<T>;
  /** Stores the edited body as the next version; answers what was stored. */
  save(body: unknown): Promise<T>;
  version(record: T): number;
  changedBy(record: T): ChangedBy | undefined;
  /** The body of a PUT as the user edits it, from what GET answered (with the version edited). */
  editable(record: T): unknown;
}

/**
 * A setting kept as versions by the API (policies, rates, worklist rules, dispute causes, score
 * rules): the version and who stored it, and the setting as JSON to change and store as the next
 * version. The API judges the change: every field it refuses is listed with its path, next to the
 * text, and nothing is checked here but that the text is JSON.
 */
export function VersionedSetting<T>(props: VersionedSettingProps<T>) {
  const words = usePageWords();
  const { p } = words;
  const [round, setRound] = useState(0);
  const record = useLoad(props.load, `${props.recordKey}#${round}`);
  const [text, setText] = useState('');
  const [notJson, setNotJson] = useState<string>();
  const [savedVersion, setSavedVersion] = useState<number>();
  const action = useAction();
  useEffect(() => {
    if (record.data) setText(JSON.stringify(props.editable(record.data), null, 2));
  }, [record.data]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSavedVersion(undefined);
    let body: unknown;
    try {
      body = JSON.parse(text);
      setNotJson(undefined);
    } catch (error) {
      setNotJson(p.settings.notJson(error instanceof Error ? error.message : String(error)));
      return;
    }
    await action.run(async () => {
      const stored = await props.save(body);
      setSavedVersion(props.version(stored));
      setRound((n) => n + 1);
    });
  };

  const issues = action.error instanceof ApiError ? action.error.issues : [];
  const fieldId = `${props.id}-json`;
  const invalid = notJson !== undefined || issues.length > 0;
  const current = record.data;
  const changed = current ? props.changedBy(current) : undefined;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={`${props.id}-title`} class="setting">
      <Heading id={`${props.id}-title`}>{props.title}</Heading>
      {record.error !== undefined && (
        <p class="error" role="alert">
          {errorText(record.error, words)}
        </p>
      )}
      {current && (
        <p data-testid={`${props.id}-version`}>
          <strong>{p.settings.version(props.version(current))}</strong>
          {' · '}
          {!changed
            ? p.settings.whoNotKept
            : changed.by === 'seed' || (!changed.by && !changed.at)
              ? p.settings.seed
              : p.settings.changedBy(changed.by ?? '—', changed.at ? words.date(changed.at) : '—')}
        </p>
      )}
      {current && (
        <form class="form" onSubmit={(event) => void submit(event)}>
          <div class="field">
            <label for={fieldId}>{p.settings.json}</label>
            <textarea
              id={fieldId}
              rows={Math.min(24, Math.max(6, text.split('\n').length))}
              spellcheck={false}
              class="json"
              value={text}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={`${fieldId}-hint${invalid ? ` ${fieldId}-error` : ''}`}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <span class="hint" id={`${fieldId}-hint`}>
              {p.settings.jsonHint}
            </span>
            {invalid && (
              <div class="field-error" id={`${fieldId}-error`}>
                {notJson ?? (
                  <>
                    <span>{p.settings.issues}:</span>
                    <ul>
                      {issues.map((issue) => (
                        <li key={issue.path + issue.message}>
                          <code>{issue.path.replace(/^body\./, '') || '—'}</code> {issue.message}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            )}
          </div>
          <div>
            <button type="submit" disabled={action.busy}>
              {p.settings.save}
            </button>
          </div>
          {action.error !== undefined ? (
            <p class="error" role="alert">
              {errorText(action.error, words)}
            </p>
          ) : (
            <p role="status" class={savedVersion === undefined ? 'visually-hidden' : 'ok'}>
              {savedVersion === undefined ? '' : p.settings.saved(savedVersion)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
