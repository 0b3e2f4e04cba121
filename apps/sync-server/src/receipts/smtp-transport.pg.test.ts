import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSale, variantsOf } from "../testing/fixtures";
import { pullAll } from "../testing/sync-client";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";
import { messageId } from "./mail-transport";
import { smtpTransport } from "./smtp-transport";

interface Received {
  readonly user: string | undefined;
  readonly from: string | undefined;
  readonly to: readonly string[];
  readonly headers: Map<string, string>;
  readonly body: string;
}

/** An SMTP sink on loopback that wants a user and password, keeping every message it is given. */
async function startSink(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, done) =>
      auth.username === "shop" && auth.password === "s3cret" ? done(null, { user: auth.username }) : done(new Error("bad login")),
    onData: (stream, session, done) => {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const [head = "", ...rest] = raw.split("\r\n\r\n");
        const headers = new Map<string, string>();
        // Unfold continued header lines, then split name: value.
        for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
          const colon = line.indexOf(":");
          headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
        }
        received.push({
          user: session.user as string | undefined,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          headers,
          body: rest.join("\r\n\r\n"),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://shop:s3cret@127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe.each(ENGINES)("receipts by SMTP on %s", (engine) => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let transport: ReturnType<typeof smtpTransport>;
  let server: TestServer;

  beforeAll(async () => {
    sink = await startSink();
    transport = smtpTransport(sink.url, "Corner Pantry <receipts@pantry.test>");
    server = await startTestServer(engine, { mail: transport });
  });
  afterAll(async () => {
    await server?.close();
    transport?.close();
    await sink?.close();
  });

  it("sends a receipt through the outbox to the SMTP server, signed in, with the job's Message-ID", async () => {
    const manager = await server.login(DEMO.manager.email, DEMO.manager.password);
    const till = await server.registerTill(manager);
    const variant = variantsOf((await pullAll(server, till.token, "products", 1000)).docs, { standard: 1900, reduced: 700 })[0]!;
    const sale = makeSale({ registerId: till.id, locationId: till.locationId, lines: [{ variant, qty: 1 }], number: "T-SMTP-1" });
    await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [{ newDocumentState: sale }] });
    const res = await server.call("POST", "/api/v1/receipts/email", {
      token: till.token,
      body: { saleId: sale.id, to: "rita@example.test" },
    });
    expect(res).toMatchObject({ status: 202, body: { status: "sent" } });

    expect(sink.received).toHaveLength(1);
    const [message] = sink.received;
    const sent = server.sentMail.at(-1)!;
    expect(message).toMatchObject({ user: "shop", from: "receipts@pantry.test", to: ["rita@example.test"] });
    expect(message!.headers.get("from")).toBe("Corner Pantry <receipts@pantry.test>");
    expect(message!.headers.get("to")).toBe("rita@example.test");
    expect(message!.headers.get("subject")).toContain("T-SMTP-1");
    expect(message!.headers.get("message-id")).toBe(messageId(sent.id!));
    expect(message!.headers.get("content-type")).toMatch(/^text\/plain; charset=utf-8/);
    expect(message!.body).toContain(variant.title.split(" ")[0]);
  });

  it("throws when the SMTP server refuses it, so the outbox keeps the job and retries it", async () => {
    const refusing = smtpTransport(sink.url.replace("s3cret", "wrong"), "receipts@pantry.test");
    await expect(refusing.send({ id: "job-x", to: "a@example.test", subject: "Hi", text: "Hello" })).rejects.toThrow();
    refusing.close();
  });
});
