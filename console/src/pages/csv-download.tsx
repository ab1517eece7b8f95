import { useState } from 'preact/hooks';
import type { PathOf } from '../api/client';
import { ErrorMessage } from '../errors';
import { useSession } from '../session';
import { usePageWords } from './page-words';

type CsvReport = Extract<
  PathOf<'get'>,
  '/reports/portfolio' | '/reports/dunning' | '/reports/promises' | '/reports/disputes' | '/reports/forecast'
>;

/**
 * A report as the API writes it in CSV (`?format=csv`): fetched with the user's token, which a
 * plain link could not carry, and handed to the browser as a file.
 */
export function CsvDownload(props: {
  path: CsvReport;
  query: Record<string, string | number | undefined>;
  what: string;
  fileName: string;
}) {
  const { api } = useSession();
  const { p } = usePageWords();
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setError(undefined);
    try {
      const text = await api.call<string, 'get', CsvReport>('get', props.path, {
        query: { ...props.query, format: 'csv' } as never,
      });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = props.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div class="csv">
      <button type="button" class="secondary" onClick={() => void download()}>
        {p.reports.downloadCsv(props.what)}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
