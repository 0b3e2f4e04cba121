import pg from "pg";

/**
 * A statement that only matters once the transaction commits (a NOTIFY is delivered on commit
 * anyway): inside a transaction it is held back and sent in the same message as the COMMIT. That
 * message is a simple query, so it takes no protocol parameters: a text with none is sent as it is;
 * a text with `$n` parameters is prepared in SQL once per connection (`PREPARE … AS text`, in front
 * of its first use) and run as `EXECUTE name(values as literals)` — so PostgreSQL parses and plans
 * it once per connection, not once per transaction, and its text must not vary (like {@link PREPARED}).
 */
export const AT_COMMIT = "/* at commit */ ";

/**
 * A statement whose text never varies (its values are all parameters), run often: it is prepared
 * once per connection under a name, so PostgreSQL parses it once and may keep its plan, and later
 * runs send only its values. Put it at the very start of the text. As a transaction's first
 * statement it travels in the BEGIN's message (with any {@link WITH_BEGIN} statements), prepared in
 * SQL like an {@link AT_COMMIT} statement with parameters.
 */
export const PREPARED = "/* prepared */ ";

/**
 * A statement without parameters whose answer nobody reads (the tenant settings): as a
 * transaction's first, it is held with the BEGIN and travels in front of the next statement.
 */
export const WITH_BEGIN = "/* with begin */ ";

/** Names of prepared statements by text (the same on every connection; each is prepared where first used). */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

/**
 * The name `text` is prepared under, or `undefined` past {@link MAX_PREPARED} texts (a bug: a marked
 * text that varies). Statements prepared by the protocol (pg's named queries) and by SQL `PREPARE`
 * share one namespace per connection: `prefix` keeps them apart.
 */
function preparedName(text: string, prefix: "ct" | "ctc"): string | undefined {
  const key = `${prefix}:${text}`;
  let name = preparedNames.get(key);
  if (name === undefined && preparedNames.size < MAX_PREPARED) preparedNames.set(key, (name = `${prefix}_${preparedNames.size + 1}`));
  return name;
}

/** pg's own text for a parameter's value (arrays as `{…}`, dates, objects as JSON); not in pg's typings. */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | null } }).utils.prepareValue;

/**
 * A parameter's value as a SQL literal (what `EXECUTE` takes): the text pg would send for it as a
 * parameter, as an `E''` string with its backslashes and quotes doubled — by regular expressions,
 * which is many times faster than `pg.escapeLiteral`'s loop over each character on a push's JSON.
 * PostgreSQL reads it as the parameter's type, as it reads a parameter's text.
 */
function literalOf(value: unknown): string {
  const text = prepareValue(value);
  return text === null ? "null" : `E'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The statements the connection's session has prepared in SQL (by {@link AT_COMMIT} and {@link PREPARED}). */
async function preparedInSession(client: pg.PoolClient): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>("select name from pg_prepared_statements where name like 'ctc\\_%'");
  return new Set(rows.map((row) => row.name));
}

/** How many messages a database's connections have sent to the server (one round trip each). */
export interface RoundTripCounter {
  count: number;
}

type QueryResult = pg.QueryResult & { command: string };

const done = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/** A statement to send later (with the COMMIT, or the BEGIN): its SQL, and for one with parameters the prepared statement it runs. */
interface Held {
  readonly run: string;
  readonly prepared?: { readonly name: string; readonly text: string };
}

/** Per connection: a BEGIN not sent yet, and statements held for the COMMIT. */
interface Pending {
  begin: string | undefined;
  inTransaction: boolean;
  atCommit: Held[];
  /**
   * The statements prepared in SQL in this connection's session ({@link AT_COMMIT} and first
   * {@link PREPARED} ones with parameters; they outlive transactions), as read when the connection
   * was wrapped — a session may outlive its connection (PGlite's one session keeps them) — and
   * added to since. `undefined` after a message that prepared some failed (which of them PostgreSQL
   * kept is not known): read again before the next.
   */
  prepared: Set<string> | undefined;
}

/**
 * Wraps a pooled `pg` connection so a transaction costs fewer round trips, whatever builds its
 * statements (Kysely):
 * - `BEGIN` is not sent on its own but in front of the transaction's first statement when that one
 *   has no parameters (the simple-query protocol takes several statements in one message; the
 *   tenant setting of `withTenant` is such a statement) — else just before it;
 * - a transaction that ran nothing commits or rolls back without a word to the server;
 * - {@link WITH_BEGIN} statements travel in front of the transaction's next statement;
 * - {@link AT_COMMIT} statements travel with the COMMIT (prepared in SQL when they have parameters);
 * - a message of several statements answers with the result of the last (pg answers an array);
 * - {@link PREPARED} statements are prepared once per connection, under a name (in SQL, when one is
 *   the transaction's first and travels with the BEGIN).
 * Every message sent adds one to `counter`.
 */
function wrapClient(client: pg.PoolClient, counter: RoundTripCounter, prepared: Set<string>): pg.PoolClient {
  const pending: Pending = { begin: undefined, inTransaction: false, atCommit: [], prepared };
  /** A statement to send later in a simple-query message: with parameters, the `EXECUTE` of it prepared. */
  const held = (text: string, values: readonly unknown[]): Held | undefined => {
    if (values.length === 0) return { run: text };
    const name = preparedName(text, "ctc");
    if (name === undefined) return undefined;
    return { run: `execute ${name}(${values.map(literalOf).join(", ")})`, prepared: { name, text } };
  };
  /** The held statements as SQL, each prepared in front of its first use on this connection. */
  const heldSql = (statements: readonly Held[], prepared: Set<string>): string[] =>
    statements.flatMap(({ run, prepared: statement }) => {
      if (!statement || prepared.has(statement.name)) return [run];
      prepared.add(statement.name);
      return [`prepare ${statement.name} as ${statement.text}`, run];
    });
  /** Which statements the session has prepared in SQL (read again after a failure). */
  const preparedHere = async (): Promise<Set<string>> => {
    if (pending.prepared) return pending.prepared;
    await flushBegin();
    counter.count += 1;
    return (pending.prepared = await preparedInSession(client));
  };
  /**
   * Sends `statements` (with a held BEGIN in front) as one message, each prepared statement
   * prepared in front of its first use here. A failure after a PREPARE leaves it unknown which
   * PostgreSQL kept: the set is read again before the next.
   */
  const sendPreparing = async (begin: string | undefined, statements: readonly Held[], end?: string): Promise<QueryResult> => {
    const prepared = pending.prepared ?? new Set<string>();
    const before = prepared.size;
    try {
      return await send(
        [...(begin === undefined ? [] : [begin]), ...heldSql(statements, prepared), ...(end === undefined ? [] : [end])].join("; "),
      );
    } catch (error) {
      if (prepared.size > before) pending.prepared = undefined;
      throw error;
    }
  };
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
      const statements = command === "commit" ? pending.atCommit : [];
      const begin = pending.begin;
      pending.begin = undefined;
      pending.inTransaction = false;
      pending.atCommit = [];
      // Nothing reached the server: there is nothing to end (held statements with it).
      if (begin !== undefined && statements.length === 0) return done(command.toUpperCase());
      return sendPreparing(begin, statements, text);
    }
    if (simple && pending.begin !== undefined && text.startsWith(WITH_BEGIN)) {
      pending.begin = `${pending.begin}; ${text}`;
      return done("SELECT");
    }
    if (pending.inTransaction && text.startsWith(AT_COMMIT)) {
      const statement = held(text, (values as unknown[] | undefined) ?? []);
      if (statement?.prepared) await preparedHere();
      if (statement !== undefined) {
        pending.atCommit.push(statement);
        return done("SELECT");
      }
    }
    if (pending.begin !== undefined && simple) {
      const begin = pending.begin;
      pending.begin = undefined;
      return send(`${begin}; ${text}`);
    }
    if (!simple && pending.begin !== undefined && text.startsWith(PREPARED)) {
      // The transaction's first statement: in the BEGIN's message, prepared in SQL.
      const statement = held(text, values as unknown[]);
      if (statement !== undefined) {
        await preparedHere();
        const begin = pending.begin;
        pending.begin = undefined;
        return sendPreparing(begin, [statement]);
      }
    }
    await flushBegin();
    const name = !simple && text.startsWith(PREPARED) ? preparedName(text, "ct") : undefined;
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
    if (!wrapper) {
      // Once per connection, with its setting up (not counted, like its start-up messages).
      const prepared = await preparedInSession(client).catch((error: unknown) => {
        client.release(error instanceof Error ? error : true);
        throw error;
      });
      wrapped.set(client, (wrapper = wrapClient(client, counter, prepared)));
    }
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
