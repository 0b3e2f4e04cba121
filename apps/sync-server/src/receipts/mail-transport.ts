import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** One plain-text email. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Where mail goes. A real provider (SMTP, an HTTP API) is one more implementation. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/**
 * A value safe to put in a mail header: line breaks (which would start a header line of the
 * sender's choosing: a Bcc, a second body) become spaces, and other control characters go.
 * Every header goes through here, whatever a receipt number or a shop's name holds.
 * @example
 * headerValue("Receipt A-1\r\nBcc: everyone@example.com") // "Receipt A-1 Bcc: everyone@example.com"
 */
export function headerValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  return [...oneLine]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== "\u007f")
    .join("")
    .trim();
}

/**
 * The built-in transport with no mail server: each message becomes an RFC 822 `.eml` file in
 * `dir` (open it in any mail client), so a shop can run without email set up and see what would go out.
 */
export function fileTransport(dir: string): MailTransport {
  return {
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const headers = [
        `To: ${headerValue(mail.to)}`,
        `Subject: ${headerValue(mail.subject)}`,
        `Date: ${new Date().toUTCString()}`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
      ];
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`;
      await writeFile(path.join(dir, name), `${headers.join("\r\n")}\r\n\r\n${mail.text.replace(/\n/g, "\r\n")}\r\n`);
    },
  };
}
