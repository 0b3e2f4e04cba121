/**
 * SQLSTATEs and socket errors that mean the database is away (shut down, restarting, refusing
 * connections, out of connection slots) rather than that the request was wrong: such a request
 * is answered 503 `unavailable`, and the same request again later is safe.
 */
const AWAY_SQLSTATES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "53300", // too_many_connections
]);
const AWAY_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);

/** Whether `error` says the database could not be reached, rather than that a statement failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (AWAY_SQLSTATES.has(code) || AWAY_SOCKET_CODES.has(code))) return true;
  // node-postgres reports a connection that died under a query without a code.
  return /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery)/i.test(
    error.message,
  );
}
