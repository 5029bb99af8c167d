/**
 * A real SMTP server on loopback (the smtp-server package) for the notification tests: it takes a
 * login, parses every message it accepts with mailparser, and can refuse a recipient (5xx) or drop
 * the connection after the message body, as real servers do.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly received: Received[];
  /** Recipients the server refuses for good (550). */
  readonly refuse: Set<string>;
  /** The next message's body is taken, then the connection drops before the answer. */
  dropAfterData: boolean;
  close(): Promise<void>;
}

export const SMTP_USER = 'desk';
export const SMTP_PASS = 's3cret-Pa55';

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    received: [],
    refuse: new Set(),
    dropAfterData: false,
    close: async () => {},
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) done(null, { user: auth.username });
      else done(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, done) {
      if (state.refuse.has(address.address)) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return done(err);
      }
      done();
    },
    onData(stream, session, done) {
      // Dropping the connection instead of answering is what a crash after the body looks like.
      simpleParser(stream)
        .then((mail) => {
          state.received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: (mail.text ?? '').trim(),
            messageId: mail.messageId ?? '',
          });
          if (state.dropAfterData) {
            state.dropAfterData = false;
            for (const c of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
              .connections)
              c._socket.destroy();
            return;
          }
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(state, {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
