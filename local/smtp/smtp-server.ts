import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface LocalSmtpOptions {
  port?: number;
  host?: string;
  /** The domain of the reply address: mail to any other domain is refused, as SES's rule would not match it. */
  domain: string;
  /** Keeps one accepted message (the local cloud writes it to the reply-mail bucket). */
  deliver(raw: Buffer): Promise<void>;
  log?: (line: string) => void;
}

export interface LocalSmtpServer {
  host: string;
  port: number;
  /** `smtp://host:port`. */
  url: string;
  stop(): Promise<void>;
}

/** Larger messages are refused: a debtor's reply with a scan fits, a mailbox export does not. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * What SES's inbound endpoint is in AWS: an SMTP server (`smtp-server`) that takes mail for the
 * reply domain and hands each message, as it arrived, to `deliver`. Plain SMTP on loopback,
 * without TLS or authentication, as a development mail catcher is.
 */
export async function startLocalSmtp(options: LocalSmtpOptions): Promise<LocalSmtpServer> {
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'credit-control local reply mail',
    size: MAX_MESSAGE_BYTES,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      if (at < 0 || address.address.slice(at + 1).toLowerCase() !== domain) {
        const refused = new Error(`550 this server takes mail for @${domain} only`) as Error & {
          responseCode: number;
        };
        refused.responseCode = 550;
        callback(refused);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('552 message too large'), { responseCode: 552 }));
          return;
        }
        options.deliver(Buffer.concat(chunks)).then(
          () => callback(),
          (error: unknown) => {
            options.log?.(`reply mail not stored: ${String(error)}`);
            callback(Object.assign(new Error('451 try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => options.log?.(`SMTP: ${String(error)}`));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
