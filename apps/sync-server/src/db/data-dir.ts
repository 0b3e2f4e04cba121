import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Makes `dir` (the server's DATA_DIR: the embedded database, the signing key, the mail outbox) the
 * server user's alone: files it creates from now on are private (umask 077), and whatever an older
 * version left readable or writable by others (the database files were 0666) is tightened to 0700
 * for folders and 0600 for files.
 */
export function makePrivate(dir: string): void {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tighten = (entry: string): void => {
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o077) !== 0) chmodSync(entry, 0o700);
      for (const name of readdirSync(entry)) tighten(path.join(entry, name));
    } else if ((stat.mode & 0o077) !== 0) {
      chmodSync(entry, 0o600);
    }
  };
  if (existsSync(dir)) tighten(dir);
}
