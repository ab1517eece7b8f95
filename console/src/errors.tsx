import { ApiError } from './api/client';
import { useWords, type Words } from './i18n';

/** A clear sentence for every way an API call can fail. */
export function errorText(error: unknown, { t }: Words): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t.errors.network;
  if (error.status === 401) return t.errors.unauthorized;
  if (error.status === 403) return `${t.errors.forbidden} ${error.message}`;
  if (error.status === 404) return `${t.errors.notFound} ${error.message}`;
  if (error.status === 409) return `${t.errors.conflict} ${error.message}`;
  if (error.status === 400 && error.issues.length > 0) return `${t.errors.invalid} ${error.message}`;
  return t.errors.other(error.status, error.message);
}

export function ErrorMessage(props: { error: unknown }) {
  const words = useWords();
  if (props.error === undefined) return null;
  return (
    <p class="error" role="alert">
      {errorText(props.error, words)}
    </p>
  );
}
