import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseReply } from '../functions/use-cases/replies/parse-reply';
import { sendRawMail } from '../local/smtp/smtp-client';

/**
 * Sends one email, as a debtor's mail server would, to the local cloud's SMTP server for replies:
 *   npm run send-reply -- scripts/examples/reply.eml --to 'debiteuren+<token>@voorbeeld.example'
 * The envelope's sender is the message's From; its recipients the To and Cc, or `--to` (which
 * also replaces the To header): copy a letter's Reply-To from the local inbox. Reads the SMTP
 * address from .local/endpoints.json (written by `npm start`).
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { to: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error("usage: npm run send-reply -- <file.eml> [--to 'debiteuren+<token>@voorbeeld.example']");
    process.exit(2);
  }
  const endpoints = JSON.parse(readFileSync('.local/endpoints.json', 'utf8')) as { smtp?: string };
  if (!endpoints.smtp) throw new Error('.local/endpoints.json names no SMTP server: restart `npm start`');
  let raw: Buffer = readFileSync(file);
  if (values.to) raw = withTo(raw, values.to);
  const reply = await parseReply(raw);
  const to = values.to ? [values.to] : reply.recipients;
  if (to.length === 0) throw new Error(`${file} has no To or Cc: name the reply address with --to`);
  await sendRawMail(endpoints.smtp, { from: reply.from?.address ?? 'debtor@localhost', to }, raw);
  console.log(`sent "${reply.subject}" to ${to.join(', ')}; see the debtor's timeline and GET /tasks`);
}

/** The message with its To header (the first one, with its folded lines) replaced. */
function withTo(raw: Buffer, to: string): Buffer {
  const text = raw.toString('utf8');
  const replaced = /^To:.*(?:\r?\n[ \t].*)*$/im.test(text)
    ? text.replace(/^To:.*(?:\r?\n[ \t].*)*$/im, `To: ${to}`)
    : `To: ${to}\r\n${text}`;
  return Buffer.from(replaced, 'utf8');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
