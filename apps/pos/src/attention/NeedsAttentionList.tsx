import { Alert, Dialog, useObservable } from "@countertop/ui";
import { useState } from "react";
import { live, type AttentionEntry, type LocalDatabase } from "../data/local-db";
import { notSaved } from "../data/not-saved";
import { useNotSaved } from "../data/use-not-saved";
import type { Replica } from "../data/replica";
import { dismissNeedsAttention, listNeedsAttention, resendSale } from "./needs-attention";

/** The kept rows, live, newest first. */
export function useNeedsAttention(local: LocalDatabase | undefined): AttentionEntry[] | undefined {
  return useObservable(() => (local ? live(() => listNeedsAttention(local)) : undefined), [local]);
}

const REASON: Record<AttentionEntry["reason"], string> = {
  refused: "Refused by the server",
  invalid: "Not accepted: the server could not read it",
};

/** What to call a kept document: a sale by its receipt number, anything else by collection and id. */
function nameOf(entry: AttentionEntry): string {
  const doc = entry.row.newDocumentState;
  if (entry.collection === "sales" && typeof doc.number === "string") return `Sale ${doc.number}`;
  return `${entry.collection} ${entry.docId.slice(0, 13)}…`;
}

/**
 * What the server refused or could not take from this till, with its message. A sale can be fixed
 * and re-sent, never discarded; anything else can be dismissed once seen (the server kept its own version).
 */
export function NeedsAttentionList({
  local,
  replica,
  time = (at) => new Date(at).toLocaleString(),
}: {
  local: LocalDatabase;
  replica: Replica;
  /** Writes a time the shop's way; the device's where the settings are not at hand. */
  time?: (at: string) => string;
}) {
  const entries = useNeedsAttention(local);
  const [fixing, setFixing] = useState<AttentionEntry>();
  const { error, attempt } = useNotSaved();
  const dismiss = (entry: AttentionEntry) =>
    void attempt({ failed: `${nameOf(entry)} was not dismissed` }, () => dismissNeedsAttention(local, entry));
  if (entries === undefined) return <p className="muted">Loading…</p>;
  if (entries.length === 0) return <p className="muted">Nothing needs attention.</p>;
  return (
    <>
      <Alert message={error} />
      <ul className="list attention-list" aria-label="Needs attention">
        {entries.map((entry) => (
          <li key={entry.seq} className="list-item static attention-item">
            <span className="attention-text">
              <strong>{nameOf(entry)}</strong>
              <span className="muted small">
                {REASON[entry.reason]} ({entry.code}) · {time(entry.at)}
              </span>
              <span className="attention-message">{entry.message}</span>
            </span>
            {entry.collection === "sales" ? (
              <button type="button" onClick={() => setFixing(entry)}>
                Fix and re-send
              </button>
            ) : (
              <button type="button" onClick={() => dismiss(entry)}>
                Dismiss
              </button>
            )}
          </li>
        ))}
      </ul>
      {fixing && <FixSale local={local} replica={replica} entry={fixing} onDone={() => setFixing(undefined)} />}
    </>
  );
}

/** The sale as JSON, to correct what the server named; checked with the protocol's schema before it goes. */
function FixSale({ local, replica, entry, onDone }: { local: LocalDatabase; replica: Replica; entry: AttentionEntry; onDone: () => void }) {
  const [text, setText] = useState(() => JSON.stringify(entry.row.newDocumentState, null, 2));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await resendSale(local, replica, entry, text);
      if (!result.ok) return setError(result.message);
      if (!result.sent) return setError("Saved on the till; it goes with the next sync. It stays here until the server has it.");
      onDone();
    } catch (e) {
      setError(notSaved({ failed: "The corrected sale was not saved", kept: "What you typed is kept." }, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Fix ${nameOf(entry)}`}
      layout="wide"
      onSubmit={() => void send()}
      onCancel={onDone}
      actions={
        <button className="primary big" disabled={busy}>
          {busy ? "Sending…" : "Re-send"}
        </button>
      }
    >
      <p className="muted">The server said: {entry.message}</p>
      <label>
        The sale
        <textarea className="json-editor" rows={14} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <Alert message={error} />
    </Dialog>
  );
}
