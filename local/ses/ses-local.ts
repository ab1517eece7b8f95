import type { Server } from 'node:http';
import { boundPort, close, localUrl } from '../ports';

export interface SesLocalOptions {
  /** A free port is chosen when omitted. */
  port?: number;
  host?: string;
}

export interface StoredAttachment {
  filename?: string;
  contentType: string;
  size: number;
  /** Base64. */
  content: string;
}

/** One email as aws-ses-v2-local recorded it, flattened for assertions. */
export interface StoredEmail {
  /** The SendEmail response's MessageId. */
  messageId: string;
  from: string;
  replyTo: string[];
  /** For Content.Raw these are the MIME header texts ("Name <a@b>"), not bare addresses. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html?: string;
  text?: string;
  attachments: StoredAttachment[];
  /** Custom headers of Content.Simple; the emulator keeps none for Content.Raw. */
  headers: { name: string; value: string }[];
  /** Real time of sending, to the second: the emulator does not know the virtual clock. */
  at: Date;
}

export interface SesLocal {
  /** Also the web inbox (GET /). */
  url: string;
  port: number;
  emails(): Promise<StoredEmail[]>;
  /** Empties the inbox (and, as the emulator does it, its stored templates). */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** What GET /store returns, as far as the typed view needs it. */
interface RawStore {
  emails: {
    messageId: string;
    from: string;
    replyTo: string[];
    destination: { to: string[]; cc: string[]; bcc: string[] };
    subject: string;
    body: { html?: string; text?: string };
    attachments: StoredAttachment[];
    headers?: { name: string; value: string }[];
    at: number;
  }[];
}

/**
 * Starts aws-ses-v2-local in this process. Its store is a module-level singleton, so every
 * instance started in one process shares the same inbox.
 */
export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocal> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  const { default: sesV2Local } = await import('aws-ses-v2-local');
  const server: Server = await sesV2Local({ host, port: requestedPort });
  // The emulator resolves even when listen fails (Express 5 hands the error to its callback).
  if (!server.listening)
    throw new Error(`SES emulator could not listen on ${host}:${requestedPort}; is the port in use?`);
  const port = boundPort(server);
  const url = localUrl(host, port);

  return {
    url,
    port,
    emails: async () => {
      const store = (await call(url, '/store', 'GET')) as RawStore;
      return store.emails.map(toStoredEmail);
    },
    clear: async () => {
      await call(url, '/clear-store', 'POST');
    },
    stop: () => close(server),
  };
}

async function call(url: string, path: string, method: 'GET' | 'POST'): Promise<unknown> {
  const response = await fetch(`${url}${path}`, { method });
  if (!response.ok) throw new Error(`SES emulator ${method} ${path} answered ${response.status}`);
  return response.json();
}

function toStoredEmail(email: RawStore['emails'][number]): StoredEmail {
  return {
    messageId: email.messageId,
    from: email.from,
    replyTo: email.replyTo,
    to: email.destination.to,
    cc: email.destination.cc,
    bcc: email.destination.bcc,
    subject: email.subject,
    ...(email.body.html === undefined ? {} : { html: email.body.html }),
    ...(email.body.text === undefined ? {} : { text: email.body.text }),
    attachments: email.attachments.map(({ filename, contentType, size, content }) => ({
      ...(filename === undefined ? {} : { filename }),
      contentType,
      size,
      content,
    })),
    headers: email.headers ?? [],
    at: new Date(email.at * 1000),
  };
}
