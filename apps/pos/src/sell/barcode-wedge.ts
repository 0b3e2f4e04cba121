/**
 * A scanner types a whole code in a burst: on Enter, the keys since the last pause count as a scan
 * when they average at most {@link SCANNER_AVERAGE_MS} apart. Judging the average (not each gap)
 * tolerates the odd delayed key on a busy tablet; a person types 80–250 ms apart.
 */
export const SCANNER_AVERAGE_MS = 40;
/** A pause this long starts a new burst. */
export const BURST_PAUSE_MS = 150;
/** Shorter bursts are a person's quick Enter, not a barcode. */
export const MIN_CODE_LENGTH = 4;

/** What the reader remembers between keys: the burst so far, when it began, when the last key came. */
export interface WedgeState {
  readonly buffer: string;
  readonly first: number;
  readonly last: number;
}

/** Before the first key. */
export const WEDGE_IDLE: WedgeState = { buffer: "", first: 0, last: 0 };

/** One key down: its `key` (as in `KeyboardEvent.key`), its time in ms, and whether Ctrl, Meta or Alt was held. */
export interface WedgeKey {
  readonly key: string;
  readonly at: number;
  readonly modified: boolean;
}

/** After a key: the new state, whether it began a burst, and the code when it was the Enter of a scan. */
export interface WedgeStep {
  readonly state: WedgeState;
  readonly burstStarted: boolean;
  readonly scan?: string;
}

/**
 * Reads one key of a keyboard-wedge scanner's burst; pure, so the timing rules are tested without a
 * keyboard. Keys that type nothing (Shift, arrows, shortcuts) neither add to a burst nor end it.
 */
export function readWedgeKey(state: WedgeState, { key, at, modified }: WedgeKey): WedgeStep {
  const paused = at - state.last > BURST_PAUSE_MS;
  if (key === "Enter") {
    const { buffer, first } = state;
    const average = buffer.length > 1 ? (at - first) / buffer.length : Infinity;
    const scanned = buffer.length >= MIN_CODE_LENGTH && !paused && average <= SCANNER_AVERAGE_MS;
    return { state: { buffer: "", first, last: at }, burstStarted: false, ...(scanned ? { scan: buffer } : {}) };
  }
  if (key.length !== 1 || modified) return { state: { ...state, last: at }, burstStarted: false };
  return paused
    ? { state: { buffer: key, first: at, last: at }, burstStarted: true }
    : { state: { ...state, buffer: state.buffer + key, last: at }, burstStarted: false };
}
