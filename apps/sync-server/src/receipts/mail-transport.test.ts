import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileTransport, headerValue } from "./mail-transport";

describe("mail headers", () => {
  it("never let a value start a header line of its own", () => {
    expect(headerValue("Receipt A-1\r\nBcc: everyone@example.com")).toBe("Receipt A-1 Bcc: everyone@example.com");
    expect(headerValue("Shop\nX-Injected: 1\u0000")).toBe("Shop X-Injected: 1");
  });

  it("writes a message whose only header lines are its own", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mail-"));
    await fileTransport(dir).send({ to: "ana@example.test", subject: "Receipt 7\r\nBcc: thief@example.test", text: "Hello" });
    const [file] = await readdir(dir);
    const [head] = (await readFile(path.join(dir, file!), "utf8")).split("\r\n\r\n");
    expect(head!.split("\r\n").map((l) => l.split(":")[0])).toEqual(["To", "Subject", "Date", "MIME-Version", "Content-Type"]);
  });
});
