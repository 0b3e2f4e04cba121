import type { TestVariant } from "../testing/fixtures";

/** What the chaos runner tells a till worker at start. */
export interface TillConfig {
  readonly index: number;
  readonly baseUrl: string;
  readonly token: string;
  readonly registerId: string;
  readonly locationId: string;
  readonly variants: readonly TestVariant[];
  /** Variants that may be refunded; they have stock enough never to go below zero. */
  readonly refundable: readonly string[];
  readonly sales: number;
  /** The sales are spread over about this long, so the server dies while tills sell. */
  readonly durationMs: number;
  readonly seed: number;
}

/** A sale or refund a till made, as the runner checks it against the server. */
export interface MadeSale {
  readonly id: string;
  readonly kind: "sale" | "refund";
  readonly total: number;
  readonly lines: readonly { readonly variantId: string; readonly qty: number }[];
}

/** Faults a till injected into its own traffic. */
export interface FaultCounts {
  offlinePeriods: number;
  refusedOffline: number;
  duplicatedPushes: number;
  lostAnswers: number;
  /** Answers 503 `unavailable` (the database away) the till got and retried. */
  unavailable: number;
}

export type ToRunner =
  | { readonly type: "done"; readonly made: readonly MadeSale[]; readonly faults: FaultCounts }
  | { readonly type: "verified"; readonly ok: boolean; readonly levels: Record<string, number> }
  | { readonly type: "failed"; readonly message: string };

export type ToTill =
  { readonly type: "verify"; readonly levels: Record<string, number>; readonly timeoutMs: number } | { readonly type: "stop" };
