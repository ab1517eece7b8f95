import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Reply } from './reply';

/**
 * Whether the caller asked for CSV: `format=csv` in the query, or, without a format, an Accept
 * header that names text/csv (a spreadsheet's or curl's `-H 'Accept: text/csv'`).
 */
export function wantsCsv(event: APIGatewayProxyEvent, format: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const accept = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'accept')?.[1];
  return accept?.toLowerCase().includes('text/csv') ?? false;
}

/** A CSV document as the reply, named for the download. */
export function csvReply(document: string, filename: string): Reply {
  return new Reply(200, document, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  });
}
