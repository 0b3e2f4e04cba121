/** The log calls the server makes; `console` satisfies it, and `createLogger` honours `LOG_LEVEL`. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** How much the server says: each level includes the ones before it. */
export type LogLevel = "silent" | "error" | "info" | "debug";

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 };

/**
 * A logger that writes the calls at or below `level` to `sink` (default `console`): `error` writes
 * only errors, `info` adds the start-up and request lines, `debug` adds everything.
 * @example
 * const log = createLogger("error"); log.info("not written"); log.error("written");
 */
export function createLogger(level: LogLevel, sink: Pick<Console, "error" | "info" | "debug"> = console): Logger {
  const at = (wanted: LogLevel) => RANK[level] >= RANK[wanted];
  return {
    error: (message, ...rest) => void (at("error") && sink.error(message, ...rest)),
    info: (message, ...rest) => void (at("info") && sink.info(message, ...rest)),
    debug: (message, ...rest) => void (at("debug") && sink.debug(message, ...rest)),
  };
}
