import { useSyncExternalStore } from "react";

/** How long an unanswered server waits before it is asked again. */
export const RECHECK_MS = 3_000;

/** What a {@link Connection} reads of the browser. */
export interface ConnectionEnvironment {
  /** Whether the browser says it is online (`navigator.onLine`). */
  readonly onLine: () => boolean;
  /** Asks the server something small: resolves on any answer (an error status too), rejects when none comes. */
  readonly ask: () => Promise<unknown>;
  /** Where the browser's `online` and `offline` events come. */
  readonly events: Pick<EventTarget, "addEventListener">;
}

/**
 * Whether the apps are online: what the browser says, corrected by whether the server answers. A
 * browser can say it is online while nothing reaches the server — a shop's Wi-Fi up with its line
 * down, a page reloaded from its service worker with no network (which Chromium then calls online) —
 * and a till that says "Online" then, or a shop that offers a checkout that cannot go through,
 * misleads the person in front of it. So whenever the browser says online, the server is asked:
 * when the first screen asks, when the browser comes back online, when a request of the app's own
 * got no answer ({@link recheckOnline}: a line that drops while the Wi-Fi stays up fires no event),
 * and while it does not answer, every {@link RECHECK_MS} until it does. When the browser says
 * offline it is offline, and nothing is asked.
 */
export class Connection {
  private answering = true;
  private asking = false;
  private recheck: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private started = false;

  constructor(
    private readonly environment: ConnectionEnvironment,
    private readonly recheckMs = RECHECK_MS,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.start();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Online: the browser says so, and the server answered when last asked (or has not been asked yet). */
  readonly online = (): boolean => this.environment.onLine() && this.answering;

  /** Asks the server now (not while the browser says offline, nor twice at once). */
  async check(): Promise<void> {
    if (this.asking || !this.environment.onLine()) return;
    clearTimeout(this.recheck);
    this.recheck = undefined;
    this.asking = true;
    let answered = true;
    try {
      await this.environment.ask();
    } catch {
      answered = false;
    } finally {
      this.asking = false;
    }
    this.set(answered);
    if (!answered && this.environment.onLine()) this.recheck = setTimeout(() => void this.check(), this.recheckMs);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.environment.events.addEventListener("online", () => {
      this.notify();
      void this.check();
    });
    this.environment.events.addEventListener("offline", () => {
      clearTimeout(this.recheck);
      this.recheck = undefined;
      this.notify();
    });
    void this.check();
  }

  private set(answering: boolean): void {
    if (answering === this.answering) return;
    this.answering = answering;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

let connection: Connection | undefined;

/** The page's {@link Connection}: its server asked at `/health`, with nothing cached. */
function pageConnection(): Connection {
  connection ??= new Connection({
    onLine: () => navigator.onLine,
    ask: () => fetch("/health", { cache: "no-store" }),
    events: window,
  });
  return connection;
}

/**
 * A request of the app's own got no answer (a sync request, a checkout): asks the server now, so
 * "Online" does not outlast a line that dropped while the browser still says online. Asking again
 * while an answer is awaited, or while the browser says offline, does nothing.
 */
export function recheckOnline(): void {
  void pageConnection().check();
}

/** Whether the apps are online ({@link Connection}), live: what they show, and what decides "checkout needs a connection". */
export function useOnline(): boolean {
  const page = pageConnection();
  return useSyncExternalStore(page.subscribe, page.online);
}
