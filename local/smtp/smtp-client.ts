import { connect, type Socket } from 'node:net';

export interface SmtpEnvelope {
  from: string;
  to: readonly string[];
}

/**
 * Sends one raw message over plain SMTP (RFC 5321: EHLO, MAIL, RCPT, DATA with dot-stuffing,
 * QUIT), as a debtor's mail server would hand it to SES. Enough for the local SMTP server;
 * rejects with the server's reply when a command is refused.
 */
export async function sendRawMail(url: string, envelope: SmtpEnvelope, raw: Buffer): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const replies = replyReader(socket);
  try {
    await expect(replies, 220, 'greeting');
    socket.write('EHLO localhost\r\n');
    await expect(replies, 250, 'EHLO');
    socket.write(`MAIL FROM:<${envelope.from}>\r\n`);
    await expect(replies, 250, 'MAIL FROM');
    for (const to of envelope.to) {
      socket.write(`RCPT TO:<${to}>\r\n`);
      await expect(replies, 250, `RCPT TO ${to}`);
    }
    socket.write('DATA\r\n');
    await expect(replies, 354, 'DATA');
    const body = raw.toString('utf8').replace(/\r?\n/g, '\r\n');
    socket.write(`${body.replace(/^\./gm, '..')}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`);
    await expect(replies, 250, 'the message');
    socket.write('QUIT\r\n');
    await expect(replies, 221, 'QUIT');
  } finally {
    socket.destroy();
  }
}

type ReplyReader = () => Promise<{ code: number; text: string }>;

/** Each call resolves with the next complete reply (the last line of a multi-line one decides). */
function replyReader(socket: Socket): ReplyReader {
  let buffer = '';
  const waiting: ((reply: { code: number; text: string }) => void)[] = [];
  const ready: { code: number; text: string }[] = [];
  let failure: Error | undefined;
  let lines: string[] = [];
  const failAll = (error: Error) => {
    failure = error;
    for (const resolve of waiting.splice(0)) resolve({ code: 0, text: error.message });
  };
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('the SMTP server closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), text: lines.join('\n') };
        lines = [];
        const resolve = waiting.shift();
        if (resolve) resolve(reply);
        else ready.push(reply);
      }
    }
  });
  return () => {
    const next = ready.shift();
    if (next) return Promise.resolve(next);
    if (failure) return Promise.resolve({ code: 0, text: failure.message });
    return new Promise((resolve) => waiting.push(resolve));
  };
}

async function expect(replies: ReplyReader, code: number, what: string): Promise<void> {
  const reply = await replies();
  if (reply.code !== code) throw new Error(`SMTP ${what}: ${reply.text}`);
}
