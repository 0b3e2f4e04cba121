import type pg from "pg";

/**
 * A statement that only matters once the transaction commits (a NOTIFY is delivered on commit
 * anyway): inside a transaction it is held back and sent in the same message as the COMMIT. It must
 * take no parameters (inline them as literals with `pg.escapeLiteral`).
 */
export const AT_COMMIT = "/* at commit */ ";

/**
 * A statement whose text never varies (its values are all parameters), run often: it is prepared
 * once per connection under a name, so PostgreSQL parses it once and may keep its plan, and later
 * runs send only its values. Put it at the very start of the text.
 */
export const PREPARED = "/* prepared */ ";

/** Names of prepared statements by text (the same on every connection; pg prepares each where first used). */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

/** The name `text` is prepared under, or `undefined` past {@link MAX_PREPARED} texts (a bug: a marked text that varies). */
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) preparedNames.set(text, (name = `ct_${preparedNames.size + 1}`));
  return name;
}

/** How many messages a database's connections have sent to the server (one round trip each). */
export interface RoundTripCounter {
  count: number;
}

type QueryResult = pg.QueryResult & { command: string };

const done = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/** Per connection: a BEGIN not sent yet, and statements held for the COMMIT. */
interface Pending {
  begin: string | undefined;
  inTransaction: boolean;
  atCommit: string[];
}

/**
 * Wraps a pooled `pg` connection so a transaction costs fewer round trips, whatever builds its
 * statements (Kysely):
 * - `BEGIN` is not sent on its own but in front of the transaction's first statement when that one
 *   has no parameters (the simple-query protocol takes several statements in one message; the
 *   tenant setting of `withTenant` is such a statement) — else just before it;
 * - a transaction that ran nothing commits or rolls back without a word to the server;
 * - {@link AT_COMMIT} statements travel with the COMMIT;
 * - a message of several statements answers with the result of the last (pg answers an array);
 * - {@link PREPARED} statements are prepared once per connection, under a name.
 * Every message sent adds one to `counter`.
 */
function wrapClient(client: pg.PoolClient, counter: RoundTripCounter): pg.PoolClient {
  const pending: Pending = { begin: undefined, inTransaction: false, atCommit: [] };
  const send = async (text: string, values?: unknown[]): Promise<QueryResult> => {
    counter.count += 1;
    const result = (await client.query(text, values)) as QueryResult | QueryResult[];
    return Array.isArray(result) ? result[result.length - 1]! : result;
  };
  const flushBegin = async () => {
    const begin = pending.begin;
    pending.begin = undefined;
    if (begin !== undefined) await send(begin);
  };
  const query = async (...args: unknown[]): Promise<unknown> => {
    const [text, values] = args;
    if (typeof text !== "string" || args.length > 2 || (values !== undefined && !Array.isArray(values))) {
      // A cursor, a config object or a callback: hand it over untouched, after any held BEGIN.
      await flushBegin();
      counter.count += 1;
      return (client.query as (...a: unknown[]) => unknown).apply(client, args);
    }
    const simple = values === undefined || (values as unknown[]).length === 0;
    // Transaction control is short: a long statement is none (and is not copied to find out).
    const command = text.length > 40 ? "" : text.trim().toLowerCase();
    if (simple && !pending.inTransaction && (command === "begin" || command.startsWith("start transaction"))) {
      pending.begin = text;
      pending.inTransaction = true;
      return done("BEGIN");
    }
    if (simple && pending.inTransaction && (command === "commit" || command === "rollback")) {
      const held = command === "commit" ? pending.atCommit : [];
      const begin = pending.begin;
      pending.begin = undefined;
      pending.inTransaction = false;
      pending.atCommit = [];
      // Nothing reached the server: there is nothing to end (held statements with it).
      if (begin !== undefined && held.length === 0) return done(command.toUpperCase());
      return send([...(begin === undefined ? [] : [begin]), ...held, text].join("; "));
    }
    if (simple && pending.inTransaction && text.startsWith(AT_COMMIT)) {
      pending.atCommit.push(text);
      return done("SELECT");
    }
    if (pending.begin !== undefined && simple) {
      const begin = pending.begin;
      pending.begin = undefined;
      return send(`${begin}; ${text}`);
    }
    await flushBegin();
    const name = !simple && text.startsWith(PREPARED) ? preparedName(text) : undefined;
    if (name !== undefined) {
      counter.count += 1;
      return client.query({ name, text, values: values as unknown[] });
    }
    return send(text, values as unknown[] | undefined);
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "query") return query;
      if (prop === "release")
        return (error?: Error | boolean) => {
          // A connection handed back mid-transaction (it cannot happen through Kysely) starts clean.
          pending.begin = undefined;
          pending.inTransaction = false;
          pending.atCommit = [];
          target.release(error);
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A pool for Kysely's PostgresDialect whose connections spare round trips (see `wrapClient`); the
 * same pool object otherwise. Each connection keeps one wrapper, so Kysely recognises it again.
 */
export function roundTripSavingPool(pool: pg.Pool, counter: RoundTripCounter): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const connect = async () => {
    const client = await pool.connect();
    let wrapper = wrapped.get(client);
    if (!wrapper) wrapped.set(client, (wrapper = wrapClient(client, counter)));
    return wrapper;
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === "connect") return connect;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
