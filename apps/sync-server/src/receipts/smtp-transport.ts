import nodemailer from "nodemailer";
import { headerValue, messageId, type MailTransport } from "./mail-transport";

/**
 * Mail through an SMTP server (env `SMTP_URL`, e.g. `smtp://user:pass@mail.example.com:587`, or
 * `smtps://…:465` for TLS from the first byte), sent as `from` (env `MAIL_FROM`). Nodemailer upgrades
 * a plain connection with STARTTLS when the server offers it. A message keeps the Message-ID of its
 * outbox job, so one resent after a crash is recognisably the same message. A refused or failed
 * send throws, and the outbox retries it with backoff.
 */
export function smtpTransport(url: string, from: string): MailTransport & { close(): void } {
  // A pool: one connection (or a few) kept open across messages instead of a handshake per receipt.
  const transporter = nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}pool=true`);
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: headerValue(mail.to),
        subject: headerValue(mail.subject),
        text: mail.text,
        ...(mail.id ? { messageId: messageId(mail.id) } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
