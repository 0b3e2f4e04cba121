import pg from "pg";

/**
 * What {@link copyOut} read: the rows of each statement before the COPY that returned rows (their
 * values parsed as `pg` parses them), and the COPY's output as it came: PostgreSQL's binary COPY
 * format, read with {@link copyTuples}.
 */
export interface CopyOutcome {
  readonly rowSets: readonly Record<string, unknown>[][];
  readonly copied: Buffer;
}

/** Runs a simple-query text whose last statement is `COPY (…) TO STDOUT (FORMAT binary)`. */
export type CopyOut = (text: string) => Promise<CopyOutcome>;

/** The parts of `pg`'s messages read here (not in its typings). */
interface RowDescription {
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
}
interface DataRow {
  readonly fields: readonly (string | null)[];
}
interface CopyData {
  readonly chunk: Buffer;
}

/**
 * One simple-query message run by `pg`'s client as it runs its own queries (a "submittable"): rows
 * of the statements before a COPY, and the COPY's bytes, which `pg` hands over as bytes — the
 * documents of a pull page are never decoded into a string and encoded again. `pg` decodes every
 * field of an ordinary row as UTF-8 text, and has no binary mode for rows.
 */
class CopyOutQuery {
  private readonly rowSets: Record<string, unknown>[][] = [];
  private parsers: { readonly name: string; readonly parse: (text: string) => unknown }[] = [];
  private readonly chunks: Buffer[] = [];
  private error: unknown;
  private settled = false;
  readonly outcome: Promise<CopyOutcome>;
  private resolve!: (outcome: CopyOutcome) => void;
  private reject!: (error: unknown) => void;

  constructor(private readonly text: string) {
    this.outcome = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleRowDescription(message: RowDescription): void {
    this.parsers = message.fields.map((field) => ({ name: field.name, parse: pg.types.getTypeParser(field.dataTypeID, "text") }));
    this.rowSets.push([]);
  }

  handleDataRow(message: DataRow): void {
    const row: Record<string, unknown> = {};
    message.fields.forEach((value, i) => {
      const column = this.parsers[i]!;
      row[column.name] = value === null ? null : column.parse(value);
    });
    this.rowSets.at(-1)!.push(row);
  }

  handleCopyData(message: CopyData): void {
    // A copy: `pg` reads the next messages into the same buffer.
    this.chunks.push(Buffer.from(message.chunk));
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}

  /** A statement failed (the rest of the message is not run), or the connection did. */
  handleError(error: unknown): void {
    this.error ??= error;
    this.settle();
  }

  handleReadyForQuery(): void {
    this.settle();
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.error !== undefined) this.reject(this.error);
    else this.resolve({ rowSets: this.rowSets, copied: Buffer.concat(this.chunks) });
  }
}

/**
 * {@link CopyOut} on a connection of `pool`, in one round trip: PostgreSQL runs the message's
 * statements as one implicit transaction. Counts the round trip in `counter`.
 */
export function copyOutOn(pool: pg.Pool, counter: { count: number }): CopyOut {
  return async (text) => {
    const client = await pool.connect();
    const query = new CopyOutQuery(text);
    counter.count += 1;
    try {
      // pg's typings know its Query and its own submittables (cursors, streams) only.
      (client as unknown as { query(submittable: CopyOutQuery): void }).query(query);
      const outcome = await query.outcome;
      client.release();
      return outcome;
    } catch (error) {
      // A connection that failed is not given back to the pool for the next query.
      client.release(error instanceof pg.DatabaseError ? undefined : error instanceof Error ? error : true);
      throw error;
    }
  };
}

/** PostgreSQL's binary COPY header: its signature, flags and header extension length. */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The tuples of a binary COPY's output (`COPY … TO STDOUT (FORMAT binary)`): each field as its bytes
 * in PostgreSQL's binary form (a slice of `copied`, not a copy), or `null`. Throws on anything that
 * is not that format.
 */
export function* copyTuples(copied: Buffer): Generator<(Buffer | null)[]> {
  if (copied.length < 19 || !copied.subarray(0, 11).equals(SIGNATURE)) throw new Error("not a binary COPY: no signature");
  let at = 15 + 4 + copied.readUInt32BE(15);
  for (;;) {
    const count = copied.readInt16BE(at);
    at += 2;
    if (count === -1) return;
    const tuple: (Buffer | null)[] = [];
    for (let i = 0; i < count; i++) {
      const length = copied.readInt32BE(at);
      at += 4;
      if (length === -1) {
        tuple.push(null);
        continue;
      }
      if (at + length > copied.length) throw new Error("not a binary COPY: a field runs past the end");
      tuple.push(copied.subarray(at, (at += length)));
    }
    yield tuple;
  }
}
