import { useState } from "react";
import { loadSession } from "../app/session";

/** Downloads every collection of the shop as a ZIP archive (with the session's token, which a plain link would not send). */
export function ExportButton({ id, slug }: { id: string; slug: string }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    setState("busy");
    try {
      const response = await fetch(`/api/v1/admin/tenants/${id}/export`, {
        headers: { authorization: `Bearer ${loadSession()?.token ?? ""}` },
      });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `${slug}-${new Date().toISOString().slice(0, 10)}.zip`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <button
      type="button"
      onClick={() => void download()}
      disabled={state === "busy"}
      title="Every collection, the tills, managers, figures and audit trail"
    >
      {state === "busy" ? "Exporting…" : state === "failed" ? "Export failed — try again" : "Export data"}
    </button>
  );
}
