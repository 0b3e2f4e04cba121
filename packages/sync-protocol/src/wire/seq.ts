/* A change feed's `seq` as the wire writes it, free of zod (the pull headers' reader uses it too). */

/** Canonical decimal digits of at most 19 places: `0`, or no leading zero. */
export const SEQ_DIGITS = /^(?:0|[1-9]\d{0,18})$/;

/** The largest `seq` there can be: PostgreSQL's bigint, as digits. */
const MAX_SEQ = "9223372036854775807";

/** Whether digits `seq` (no leading zeros) fit a bigint: compared as text, so nothing is parsed. */
export const fitsBigint = (seq: string): boolean => seq.length < MAX_SEQ.length || (seq.length === MAX_SEQ.length && seq <= MAX_SEQ);

/** Whether `seq` is one a checkpoint may hold: {@link SEQ_DIGITS} that fit a bigint. */
export const isSeq = (seq: string): boolean => SEQ_DIGITS.test(seq) && fitsBigint(seq);
