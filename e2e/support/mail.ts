import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

/** Where the e2e server's file mail transport writes each message (support/serve.ts sets DATA_DIR). */
export const MAIL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/sync-server/.data-e2e/mail");

/** The files of the messages sent to `to`, oldest first (by when each was written: a message's name is its job's key). */
export async function mailFilesTo(to: string): Promise<string[]> {
  const suffix = `-${to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`;
  const names = (await readdir(MAIL_DIR).catch(() => [] as string[])).filter((n) => n.endsWith(suffix));
  const written = await Promise.all(names.map(async (n) => ({ n, at: (await stat(path.join(MAIL_DIR, n))).mtimeMs })));
  return written.sort((a, b) => a.at - b.at).map((w) => w.n);
}

/** The newest email the server sent to `to`, waiting for it to arrive: its subject and body. */
export async function lastMailTo(to: string): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const newest = (await mailFilesTo(to)).at(-1);
        if (!newest) return false;
        const [head = "", ...body] = (await readFile(path.join(MAIL_DIR, newest), "utf8")).split("\r\n\r\n");
        found = { subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? "", text: body.join("\r\n\r\n").replace(/\r\n/g, "\n") };
        return true;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link in a message's body that contains `part`. */
export function linkIn(text: string, part: string): string {
  const link = text.split(/\s+/).find((word) => word.startsWith("http") && word.includes(part));
  if (!link) throw new Error(`no link with ${part} in:\n${text}`);
  return link;
}
