import { Alert, Dialog, shopFormat, useOnline } from "@countertop/ui";
import { useCallback, useEffect, useState } from "react";
import { apiJson, ApiCallError } from "../../app/api";
import type { ManagerContext } from "../manager-context";

/** A till as the server lists it. */
interface Device {
  readonly id: string;
  readonly name: string;
  readonly locationId: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
  /** What the till last reported of itself, where the server keeps it. */
  readonly status?: { readonly lastSyncAt?: string; readonly pending?: number } | undefined;
}

/** The shop's tills as the server last saw them: rename, revoke. Online, with a password sign-in. */
export function RegistersPanel({ context }: { context: ManagerContext }) {
  const online = useOnline();
  const session = context.presence.kind === "session" ? context.presence.session : undefined;
  const [devices, setDevices] = useState<Device[]>();
  const [error, setError] = useState<string>();
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [revoking, setRevoking] = useState<Device>();
  const format = shopFormat(context.settings);
  const load = useCallback(async () => {
    if (!session) return;
    try {
      setDevices((await apiJson<{ devices: Device[] }>("GET", "/api/v1/devices", { token: session.token })).devices);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    }
  }, [session]);
  useEffect(() => void load(), [load, online]);
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      await load();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    }
  };
  if (!session || !online)
    return <p className="muted">The list of tills comes from the server: it needs the network and a password sign-in.</p>;
  if (!devices) return <p className="muted">{error ?? "Loading…"}</p>;
  const location = (id: string | null) => context.settings.locations.find((l) => l.id === id)?.name ?? "";
  return (
    <section aria-label="Registers" className="grid-gap">
      <Alert message={error} />
      <div className="table-scroll">
        <table className="data-table" aria-label="Tills">
          <thead>
            <tr>
              <th>Till</th>
              <th>Location</th>
              <th>Last sync</th>
              <th className="num">Waiting</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} aria-label={d.name}>
                <td>
                  {renaming?.id === d.id ? (
                    <form
                      className="row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act(() =>
                          apiJson("PATCH", `/api/v1/devices/${d.id}`, { token: session.token, body: { name: renaming.name } }),
                        );
                        setRenaming(undefined);
                      }}
                    >
                      <input
                        aria-label="Till name"
                        maxLength={60}
                        value={renaming.name}
                        onChange={(e) => setRenaming({ id: d.id, name: e.target.value })}
                      />
                      <button className="primary">Save</button>
                    </form>
                  ) : (
                    <>
                      <strong>{d.name}</strong> {d.id === context.till.deviceId && <span className="badge">This till</span>}{" "}
                      {d.revokedAt && <span className="badge muted">Revoked {format.date(d.revokedAt)}</span>}
                    </>
                  )}
                </td>
                <td>{location(d.locationId)}</td>
                <td>{(d.status?.lastSyncAt ?? d.lastSeenAt) ? format.dateTime(d.status?.lastSyncAt ?? d.lastSeenAt ?? "") : "never"}</td>
                <td className="num">{d.status?.pending ?? "—"}</td>
                <td>
                  {!d.revokedAt && (
                    <span className="row">
                      <button type="button" onClick={() => setRenaming({ id: d.id, name: d.name })}>
                        Rename
                      </button>
                      <button type="button" onClick={() => setRevoking(d)}>
                        Revoke
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revoking && (
        <Dialog
          title={`Revoke ${revoking.name}?`}
          onCancel={() => setRevoking(undefined)}
          onSubmit={() => {
            const id = revoking.id;
            setRevoking(undefined);
            void act(() => apiJson("DELETE", `/api/v1/devices/${id}`, { token: session.token }));
          }}
          actions={<button className="primary">Revoke</button>}
        >
          <p>
            It stops syncing at its next request; sales it still holds are accepted and flagged for review. To use the tablet again, set it
            up as a new till.
          </p>
        </Dialog>
      )}
    </section>
  );
}
