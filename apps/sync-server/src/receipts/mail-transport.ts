import { createHash, randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** One plain-text email. */
export interface Mail {
  /**
   * The message's identity (the outbox job's key): the file transport writes one file per id and
   * SMTP sends it as the Message-ID, so one message sent twice after a crash is recognisably one.
   */
  readonly id?: string | undefined;
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

function hashOf(id: string): string {
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}

/** The Message-ID header of a message with this id: stable, so a resent message is the same message. */
export function messageId(id: string): string {
  return `<${hashOf(id)}@countertop.invalid>`;
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
      if (mail.id) headers.push(`Message-ID: ${messageId(mail.id)}`);
      // One file per message id, written whole or not at all: a message sent again is the same file.
      const stem = mail.id ? `msg-${hashOf(mail.id)}` : `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}`;
      const name = `${stem}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_").slice(0, 80)}.eml`;
      const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temporary, `${headers.join("\r\n")}\r\n\r\n${mail.text.replace(/\n/g, "\r\n")}\r\n`);
      await rename(temporary, path.join(dir, name));
    },
  };
}
