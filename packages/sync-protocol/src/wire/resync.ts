/**
 * Tells the client to run a full pull from its checkpoint: always the first event after a
 * (re)connect, and sent whenever the server can't describe what changed.
 */
export const RESYNC = "RESYNC";
