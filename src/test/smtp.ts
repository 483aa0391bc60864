import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A mail as the test server received it: the envelope's recipients and the raw message. */
export type ReceivedMail = { to: string[]; body: string };

/**
 * An SMTP server on a free local port that keeps every mail it receives, for
 * tests of what the app sends through SMTP_URL (no TLS, no auth). Set
 * `process.env.SMTP_URL = smtp.url` in the test, and `close()` in its `finally`.
 * `close` does not wait: smtp-server waits for open connections to end.
 */
export async function startSmtpServer(): Promise<{ url: string; received: ReceivedMail[]; close: () => void }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => server.close() };
}
