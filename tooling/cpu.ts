import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/*
 * CPU time of processes from Linux's /proc, for benchmarks that say where a run's CPU went (0 or
 * nothing where there is no /proc).
 */

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
export const TICKS_PER_S = 100;

/** A process's or thread's /proc `stat` (`where`: "PID" or "PID/task/TID"): its `comm` and the fields after it, or undefined. */
function readStat(where: string): { readonly name: string; readonly fields: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${where}/stat`, "utf8");
    // `(comm)` may itself hold spaces and parentheses: the fields begin after the last ")".
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), fields: stat.slice(stat.lastIndexOf(")") + 2).split(" ") };
  } catch {
    return undefined;
  }
}

/** The fields of /proc/PID/stat after `(comm)`, or undefined where there is none. */
const statFields = (pid: number | string): string[] | undefined => readStat(String(pid))?.fields;

/** User + system CPU ticks of a process or thread from its stat fields (utime [11], stime [12]). */
const busyTicks = (fields: readonly string[]): number => Number(fields[11]) + Number(fields[12]);

/** user + system CPU of a process in ms (its reaped children too when `children`), or 0 where there is no /proc. */
function cpuMsOf(pid: number, children = false): number {
  // state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
  const fields = statFields(pid);
  if (!fields) return 0;
  const ticks = busyTicks(fields) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / TICKS_PER_S;
}

/** Every process on the machine: its parent and its user + system CPU ticks so far (empty where there is no /proc). */
export function processTable(): Map<number, { readonly ppid: number; readonly ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return table;
  }
  for (const name of entries) {
    const fields = /^\d+$/.test(name) ? statFields(name) : undefined;
    if (fields) table.set(Number(name), { ppid: Number(fields[1]), ticks: busyTicks(fields) });
  }
  return table;
}

/**
 * User + system CPU ticks so far of the threads of process `pid` that `keep` takes, by their id
 * and name (/proc's `comm`: at most 15 characters); 0 where there is no /proc.
 */
export function threadTicks(pid: number, keep: (thread: { readonly tid: number; readonly name: string }) => boolean): number {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let ticks = 0;
  for (const tid of tids) {
    const stat = readStat(`${pid}/task/${tid}`);
    if (stat && keep({ tid: Number(tid), name: stat.name })) ticks += busyTicks(stat.fields);
  }
  return ticks;
}

/** CPU ms so far of a PostgreSQL server: its postmaster (with the backends it reaped) and its live backends. */
export function postgresCpuMs(dataDirectory: string): number {
  const postmaster = Number(readFileSync(path.join(dataDirectory, "postmaster.pid"), "utf8").split("\n")[0]);
  // The live backends' ticks as the one scan of /proc read them.
  let backendTicks = 0;
  for (const { ppid, ticks } of processTable().values()) if (ppid === postmaster) backendTicks += ticks;
  return cpuMsOf(postmaster, true) + (backendTicks * 1000) / TICKS_PER_S;
}

/** CPU ms so far of a process (a child server) by pid. */
export const processCpuMs = (pid: number): number => cpuMsOf(pid);

/** System (kernel) CPU ms so far of a process by pid: its syscalls, socket writes among them. */
export function processSystemCpuMs(pid: number): number {
  return (Number(statFields(pid)?.[12] ?? 0) * 1000) / TICKS_PER_S;
}

/** CPU ms so far of this process. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
