import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { processTable, threadTicks, TICKS_PER_S } from "@countertop/tooling/cpu";

/** CPU seconds spent while a piece of work ran, by where they went. */
export interface CpuSplit {
  /** The browser process, every thread: IndexedDB's backend and its LevelDB run on its thread pool. */
  readonly browser: number;
  /**
   * The browser process's foreground thread pool, where IndexedDB's backend runs its transactions
   * one at a time per origin (a Chromium trace of the POS bench's first sync put 99 % of this
   * pool's time in them): how near IndexedDB is to the one thread it has.
   */
  readonly indexedDb: number;
  /** The tabs (renderer processes): the page's JavaScript, its requests' serialisation. */
  readonly tabs: number;
  /** The tabs' main threads (the page's JavaScript, IndexedDB's serialisation of each value). */
  readonly tabMain: number;
  /** Chromium's other processes (network service, GPU, storage service). */
  readonly otherChromium: number;
  /** Every process on the machine (the sync server and PostgreSQL among them). */
  readonly machine: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Busy ticks of every CPU of the machine (/proc/stat: all but idle and iowait). */
function machineTicks(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return user! + nice! + system! + irq! + softirq! + steal!;
}

/** The CPU ticks so far of this process's Chromium descendants, by {@link CpuSplit} part. */
function chromiumTicks(): Omit<CpuSplit, "machine" | "seconds"> {
  const processes = processTable();
  const ours = (pid: number): boolean => {
    for (let p = processes.get(pid)?.ppid; p !== undefined && p > 1; p = processes.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  const split = { browser: 0, indexedDb: 0, tabs: 0, tabMain: 0, otherChromium: 0 };
  for (const [pid, { ticks: total }] of processes) {
    if (!ours(pid)) continue;
    const args = cmdline(pid);
    // Chromium rewrites its child processes' command lines into one string: only the program is checked.
    if (!args.split(/[\0 ]/)[0]?.endsWith("/chromium")) continue;
    if (!args.includes("--type=")) {
      split.browser += total;
      split.indexedDb += threadTicks(pid, ({ name }) => name.startsWith("ThreadPoolForeg"));
    } else if (args.includes("--type=renderer")) {
      split.tabs += total;
      split.tabMain += threadTicks(pid, ({ tid }) => tid === pid);
    } else split.otherChromium += total;
  }
  return split;
}

/**
 * Starts measuring where the CPU goes (Linux only): call the returned function when the work is
 * done. Chromium's processes are the ones this process launched.
 */
export function measureCpu(): () => CpuSplit {
  const started = { chromium: chromiumTicks(), machine: machineTicks(), at: performance.now() };
  return () => {
    const now = chromiumTicks();
    const spent = (key: keyof typeof now) => (now[key] - started.chromium[key]) / TICKS_PER_S;
    return {
      browser: spent("browser"),
      indexedDb: spent("indexedDb"),
      tabs: spent("tabs"),
      tabMain: spent("tabMain"),
      otherChromium: spent("otherChromium"),
      machine: (machineTicks() - started.machine) / TICKS_PER_S,
      seconds: (performance.now() - started.at) / 1000,
    };
  };
}

/** One line: each part's CPU seconds, and the whole machine's against what its cores could give. */
export function describeCpu(split: CpuSplit): string {
  const s = (value: number) => value.toFixed(1);
  return (
    `CPU s in ${s(split.seconds)} s: browser process ${s(split.browser)} (its thread pool, where IndexedDB runs: ${s(split.indexedDb)}), ` +
    `tabs ${s(split.tabs)} (main threads ${s(split.tabMain)}), other Chromium ${s(split.otherChromium)}, ` +
    `the rest (the sync server, PostgreSQL) ${s(Math.max(0, split.machine - split.browser - split.tabs - split.otherChromium))}; ` +
    `whole machine ${s(split.machine)} of ${s(split.seconds * availableParallelism())}`
  );
}
