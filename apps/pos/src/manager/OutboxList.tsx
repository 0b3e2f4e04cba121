import { Alert, shopFormat, useObservable } from "@countertop/ui";
import { live, type LocalDatabase, type ManagerWrite } from "../data/local-db";
import { useNotSaved } from "../data/use-not-saved";
import type { ManagerContext } from "./manager-context";
import { approveManagerWrite, discardManagerWrite } from "./outbox";

/** Every write in the manager outbox, live, oldest first (accepted ones stay a day). */
export function useManagerWrites(local: LocalDatabase | undefined): ManagerWrite[] | undefined {
  return useObservable(() => (local ? live(() => local.managerOutbox.orderBy("createdAt").toArray()) : undefined), [local]);
}

/** A merged path (`variants[{id}].price`) as people read it: "price". */
function fieldName(path: string): string {
  return (
    path
      .replace(/\[[^\]]*\]/g, "")
      .split(".")
      .pop() ?? path
  );
}

const STATE: Record<ManagerWrite["state"], string> = {
  waiting: "Waiting to send",
  sending: "Sending…",
  refused: "Refused",
  accepted: "Accepted",
};

/**
 * The manager outbox: what waits, what went, what the server refused and why. Signed in with a
 * password, the manager reviews the writes made under a PIN and sends or discards each.
 */
export function OutboxList({ context }: { context: ManagerContext }) {
  const { local, presence, send } = context;
  const writes = useManagerWrites(local);
  const withSession = presence.kind === "session";
  const review = (writes ?? []).filter((w) => !w.approved && w.state === "waiting");
  const rest = (writes ?? []).filter((w) => !review.includes(w));

  const { error, attempt: change } = useNotSaved();
  const approve = async (w: ManagerWrite) => {
    if (await change({ failed: "The approval was not saved" }, () => approveManagerWrite(local, w.id))) send();
  };
  const discard = (w: ManagerWrite) => void change({ failed: "The change was not discarded" }, () => discardManagerWrite(local, w.id));
  const item = (w: ManagerWrite, reviewing: boolean) => (
    <li key={w.id} className="list-item static outbox-item" aria-label={w.summary}>
      <span className="outbox-text">
        <strong>{w.summary}</strong>
        <span className="muted small">
          {w.staffName} · {w.madeUnder === "pin" ? "with PIN" : "signed in"} · {shopFormat(context.settings).dateTime(w.createdAt)}
        </span>
        {w.lastError && <span className={w.state === "refused" ? "error small" : "muted small"}>{w.lastError}</span>}
        {w.lost && w.lost.length > 0 && (
          <span className="error small" data-testid="lost-fields">
            Another manager changed the same {w.lost.length === 1 ? "field" : "fields"} first; the shop kept theirs:{" "}
            {w.lost.map(fieldName).join(", ")}.
          </span>
        )}
      </span>
      <span className={`badge outbox-${w.state}`}>{reviewing ? "Needs your review" : STATE[w.state]}</span>
      {reviewing && withSession && (
        <button type="button" className="primary" onClick={() => void approve(w)}>
          Send
        </button>
      )}
      {(reviewing || w.state === "refused") && (
        <button type="button" onClick={() => discard(w)}>
          Discard
        </button>
      )}
    </li>
  );

  if (writes === undefined) return <p className="muted">Loading…</p>;
  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <div className="row">
        <h2 id="outbox-title" className="grow">
          Manager changes
        </h2>
        {withSession && (
          <button type="button" onClick={send}>
            Send now
          </button>
        )}
      </div>
      <Alert message={error} />
      {review.length > 0 && (
        <>
          <h3>{withSession ? "Made with a PIN — review before sending" : "Waiting for a password sign-in"}</h3>
          <ul className="list" aria-label="To review">
            {review.map((w) => item(w, true))}
          </ul>
        </>
      )}
      {rest.length > 0 ? (
        <>
          {/* Under the writes to review, the rest get a heading of their own: else they read as more of them. */}
          {review.length > 0 && <h3>Approved</h3>}
          <ul className="list" aria-label="Outbox">
            {rest.map((w) => item(w, false))}
          </ul>
        </>
      ) : (
        review.length === 0 && <p className="muted">No manager changes waiting.</p>
      )}
    </section>
  );
}
