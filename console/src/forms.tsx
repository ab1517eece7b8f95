import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, type FieldIssue } from './api/client';
import { errorText } from './errors';
import { useWords } from './i18n';

/**
 * Forms that let the API judge: a submit calls the API, and the field issues of its 400 answer
 * are shown next to the fields they name. No rule of the business is checked here.
 */
export interface Action {
  busy: boolean;
  error: unknown;
  saved: boolean;
  /** The API's messages for a field (`name` as the API names it, e.g. `instalments.1.amount`). */
  issuesOf(name: string): string[];
  run(call: () => Promise<unknown>): Promise<boolean>;
}

export function useAction(onDone?: () => void): Action {
  const [state, setState] = useState<{ busy: boolean; error?: unknown; saved: boolean }>({
    busy: false,
    saved: false,
  });
  const issues: FieldIssue[] = state.error instanceof ApiError ? state.error.issues : [];
  return {
    ...state,
    error: state.error,
    issuesOf: (name) =>
      issues
        .filter((issue) => issue.path === name || issue.path === `body.${name}`)
        .map((issue) => issue.message),
    async run(call) {
      setState({ busy: true, saved: false });
      try {
        await call();
        setState({ busy: false, saved: true });
        onDone?.();
        return true;
      } catch (error) {
        setState({ busy: false, saved: false, error });
        return false;
      }
    },
  };
}

/** The form's outcome: what went wrong (with the issues no field shows), or that it was saved. */
export function FormStatus(props: { action: Action; fields: readonly string[] }) {
  const words = useWords();
  const { action } = props;
  if (action.saved)
    return (
      <p class="ok" role="status">
        {words.t.actions.saved}
      </p>
    );
  if (action.error === undefined) return <p role="status" class="visually-hidden" />;
  const unplaced =
    action.error instanceof ApiError
      ? action.error.issues.filter(
          (issue) =>
            !props.fields.some(
              (field) =>
                issue.path === field || issue.path === `body.${field}` || issue.path.startsWith(`${field}.`),
            ) || issue.path === '',
        )
      : [];
  return (
    <div role="alert" class="error">
      <p>{errorText(action.error, words)}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={issue.path + issue.message}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

let nextId = 0;
const useFieldId = (prefix: string) => useState(() => `${prefix}-${(nextId += 1)}`)[0];

/** A labelled control with its hint and the API's messages for it, announced with the control. */
export function Field(props: {
  label: string;
  name: string;
  action: Action;
  hint?: string;
  children: (attributes: {
    id: string;
    name: string;
    'aria-invalid': 'true' | undefined;
    'aria-describedby': string | undefined;
  }) => ComponentChildren;
}) {
  const id = useFieldId(props.name.replace(/\W/g, '-'));
  const messages = props.action.issuesOf(props.name);
  const described = [props.hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        'aria-invalid': messages.length > 0 ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {messages.length > 0 && (
        <span class="field-error" id={`${id}-error`}>
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}

/** A one-line input in a Field, bound to a string the form keeps. */
export function InputField(props: {
  label: string;
  name: string;
  action: Action;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'date';
  /** `decimal` for amounts: a phone shows the keypad with the decimal separator. */
  inputMode?: 'decimal';
}) {
  const { value, onValue, type, inputMode, ...field } = props;
  return (
    <Field {...field}>
      {(a) =>
        type === 'date' ? (
          <input {...a} type="date" value={value} onInput={(event) => onValue(event.currentTarget.value)} />
        ) : (
          <input
            {...a}
            {...(inputMode ? { inputMode } : {})}
            value={value}
            onInput={(event) => onValue(event.currentTarget.value)}
          />
        )
      }
    </Field>
  );
}

/** A text area in a Field, bound to a string the form keeps. */
export function TextAreaField(props: {
  label: string;
  name: string;
  action: Action;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
}) {
  const { value, onValue, ...field } = props;
  return (
    <Field {...field}>
      {(a) => <textarea {...a} value={value} onInput={(event) => onValue(event.currentTarget.value)} />}
    </Field>
  );
}

/** The form's submit button, off while its call runs. */
export function SaveButton(props: { action: Action }) {
  const { t } = useWords();
  return (
    <div>
      <button type="submit" disabled={props.action.busy}>
        {t.actions.save}
      </button>
    </div>
  );
}

/** Cents from what a person types in their language ("1.234,56" or "1,234.56"); undefined when empty. */
export function centsFrom(text: string, language: 'nl' | 'en'): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const normalised =
    language === 'nl' ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  // What does not read as a number goes to the API as is, which names the field and the problem.
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) : (trimmed as unknown as number);
}
