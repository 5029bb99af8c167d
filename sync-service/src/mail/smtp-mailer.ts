/**
 * Customer e-mail over SMTP through nodemailer, configured by BACKORDER_DESK_SMTP_URL
 * (smtp://user:pass@host:port; smtps:// for TLS from the first byte) and BACKORDER_DESK_MAIL_FROM.
 * Each send's failure is sorted by what it proves: the server refused the message for good (5xx:
 * `failed`), refused it for now or was never reached (4xx, no connection, a refused login: `retry`,
 * nothing was sent), or the connection broke after the message may have been accepted (`unknown`).
 * The URL's password never appears in what this returns or throws. nodemailer is loaded by the
 * first send, so a command that sends nothing does not pay for it at start.
 */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { DeskError } from '../../../shared/primitives/errors';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Stable per notice, so a receiving server can tell a copy from a second message. */
  readonly messageId: string;
}

export type SendOutcome =
  | { readonly outcome: 'sent'; readonly detail: string }
  | { readonly outcome: 'failed' | 'retry' | 'unknown'; readonly detail: string; readonly stop: boolean };

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

/**
 * One step of an SMTP session as a promise: it settles by its callback, or fails when the connection
 * reports an error or closes first (nodemailer emits those instead of calling back).
 */
function step<T>(connection: SMTPConnection, run: (done: (err: Error | null, value?: T) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    const fail = (err: Error) => finish(err);
    const closed = () =>
      finish(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }));
    const finish = (err: Error | null, value?: T) => {
      connection.off('error', fail);
      connection.off('end', closed);
      if (err) reject(err);
      else resolve(value as T);
    };
    connection.once('error', fail);
    connection.once('end', closed);
    run(finish);
  });
}

export function smtpMailer(env: NodeJS.ProcessEnv): Mailer {
  const url = env.BACKORDER_DESK_SMTP_URL;
  const from = env.BACKORDER_DESK_MAIL_FROM;
  if (!url || !from)
    throw new DeskError(
      'NOT_AVAILABLE',
      'notify needs BACKORDER_DESK_SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS) and BACKORDER_DESK_MAIL_FROM',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeskError(
      'BAD_INPUT',
      'BACKORDER_DESK_SMTP_URL is not a URL (expected smtp://user:pass@host:port)',
    );
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new DeskError(
      'BAD_INPUT',
      `BACKORDER_DESK_SMTP_URL must start smtp:// or smtps://, got ${parsed.protocol}//`,
    );
  const secrets = [parsed.password, decodeURIComponent(parsed.password)].filter((s) => s.length > 0);
  const redact = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const options = {
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587),
    secure: parsed.protocol === 'smtps:',
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
  const auth = parsed.username
    ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
    : undefined;
  const describe = (err: SmtpError) => redact(`${err.code ? `${err.code}: ` : ''}${err.message}`);
  return {
    // One connection per message: a failure while connecting or logging in proves nothing was sent,
    // and only a break inside the send itself leaves the outcome unknown.
    async send(mail) {
      const [{ default: MailComposer }, { default: SmtpConnection }] = await Promise.all([
        import('nodemailer/lib/mail-composer'),
        import('nodemailer/lib/smtp-connection'),
      ]);
      const message = new MailComposer({ from, ...mail }).compile();
      const raw = await message.build();
      const connection = new SmtpConnection(options);
      connection.on('error', () => {}); // a late error after the step that waited for it is moot
      try {
        try {
          await step<void>(connection, (done) => connection.connect((err) => done(err ?? null)));
          if (auth)
            await step<void>(connection, (done) => connection.login(auth, (err) => done(err ?? null)));
        } catch (e) {
          return { outcome: 'retry', detail: describe(e as SmtpError), stop: true };
        }
        try {
          const info = await step<{ rejected: string[]; response: string }>(connection, (done) =>
            connection.send(message.getEnvelope(), raw, (err, info) => done(err, info as never)),
          );
          const rejected = info.rejected.length > 0 ? ` (refused: ${info.rejected.join(', ')})` : '';
          return { outcome: 'sent', detail: redact(`${info.response}${rejected}`) };
        } catch (e) {
          const err = e as SmtpError;
          const code = err.responseCode ?? 0;
          const detail = describe(err);
          // The server refused this recipient: for good (5xx) or for now (4xx); the others still go.
          if (err.command === 'RCPT TO' && code >= 400)
            return { outcome: code >= 500 ? 'failed' : 'retry', detail, stop: false };
          // The sender was refused: nothing was sent, and nothing else will go.
          if (err.command === 'MAIL FROM' && code >= 400) return { outcome: 'retry', detail, stop: true };
          // The message itself was answered: refused for good, or for now.
          if (code >= 500) return { outcome: 'failed', detail, stop: false };
          if (code >= 400) return { outcome: 'retry', detail, stop: false };
          // No answer: the connection broke while the message was on its way.
          return { outcome: 'unknown', detail, stop: true };
        }
      } finally {
        connection.quit();
      }
    },
    close: () => {},
  };
}
