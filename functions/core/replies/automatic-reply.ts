/**
 * Whether a reply was written by a machine (an out-of-office notice, an auto-responder, a list):
 * such a reply is kept on the timeline, but asks nothing of a controller and holds nothing.
 * RFC 3834 says an automatic reply carries `Auto-Submitted` other than `no`; Microsoft's and
 * other servers add `X-Autoreply` or `X-Autorespond`, or `Precedence: auto_reply`, `bulk` or
 * `junk`; and some send none of these, so the subject is read too, for the words Dutch and English
 * mail clients put in front of it. `X-Auto-Response-Suppress` is not read: applications set it on
 * mail a person wrote as well, and a person's reply taken for a machine's would reach nobody.
 */
export interface ReplyHeaders {
  /** Header names in lower case; a header given several times keeps its first value. */
  headers: ReadonlyMap<string, string>;
  subject: string;
}

export type AutomaticReplySign =
  'auto_submitted' | 'x_autoreply' | 'x_autorespond' | 'precedence' | 'subject';

const AUTOMATIC_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk']);

/** Subjects out-of-office notices start with (Outlook, Gmail, Apple Mail; Dutch and English). */
const AUTOMATIC_SUBJECT =
  /^\s*(?:(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|out of (?:the )?office|afwezig(?:heidsmelding)?|automatisch antwoord|niet aanwezig|abwesenheitsnotiz|r[ée]ponse automatique)\b|[[(]?(?:auto(?:matic)?[- ]?reply|ooo)[\])]?:)/i;

/** The first sign that a machine wrote the reply, or undefined for a person's reply. */
export function automaticReplySign(reply: ReplyHeaders): AutomaticReplySign | undefined {
  const header = (name: string) => reply.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  if (header('x-autoreply') !== undefined) return 'x_autoreply';
  if (header('x-autorespond') !== undefined) return 'x_autorespond';
  const precedence = header('precedence');
  if (precedence && AUTOMATIC_PRECEDENCE.has(precedence)) return 'precedence';
  if (AUTOMATIC_SUBJECT.test(reply.subject)) return 'subject';
  return undefined;
}
