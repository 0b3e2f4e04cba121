import { useEffect, useState } from "react";
import type { LocalDatabase } from "../../data/local-db";

/**
 * Where to show an image from: its server URL, or — while it still waits on this till to upload —
 * a local object URL of the waiting bytes.
 */
export function useImageUrl(local: LocalDatabase, url: string | undefined): string | undefined {
  const [shown, setShown] = useState(url);
  useEffect(() => {
    let objectUrl: string | undefined;
    let cancelled = false;
    setShown(url);
    const id = /\/([0-9a-f]{64})\.\w+$/.exec(url ?? "")?.[1];
    if (id)
      void local.pendingUploads.get(id).then((pending) => {
        if (cancelled || !pending) return;
        objectUrl = URL.createObjectURL(pending.blob);
        setShown(objectUrl);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [local, url]);
  return shown;
}
