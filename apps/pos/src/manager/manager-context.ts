import type { Settings } from "@countertop/sync-protocol";
import type { ReactNode } from "react";
import type { Till } from "../app/till";
import type { LocalDatabase } from "../data/local-db";
import type { Replica } from "../data/replica";
import type { ManagerPresence } from "./session";

/** What every manager screen gets: the till's data, who is in manager mode and how, and the outbox. */
export interface ManagerContext {
  readonly replica: Replica;
  readonly till: Till;
  readonly settings: Settings;
  readonly local: LocalDatabase;
  readonly presence: ManagerPresence;
  /** Sends what is approved in the outbox now; does nothing without a session. */
  readonly send: () => void;
}

/** What a screen's {@link ManagerScreen.warm} reads from: it may run while the manager is still signing in. */
export type WarmContext = Pick<ManagerContext, "local" | "settings">;

/** A screen of manager mode. Later screens (catalog, stock, people, settings, reconciliation) plug in as more of these. */
export interface ManagerScreen {
  readonly id: string;
  readonly label: string;
  render(context: ManagerContext): ReactNode;
  /** Shown beside the label in the menu on every screen (a count that needs the manager). */
  badge?(context: ManagerContext): ReactNode;
  /**
   * Gets the screen's data ready in the background while a manager signs in and once manager mode is
   * open (called in an idle moment), so its first open shows figures at once; returns how to let go of it.
   */
  readonly warm?: (context: WarmContext) => () => void;
}
