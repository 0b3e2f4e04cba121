import { Dialog } from "@countertop/ui";
import { useEffect, useState } from "react";

/** Whether the browser will keep this till's data under storage pressure (the app asked at start-up). */
function usePersisted(): boolean | undefined {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return persisted;
}

/**
 * "Storage not guaranteed", as a button a finger can tap (a touch screen has no hover): it explains
 * what it means and what to do, and asks the browser again.
 */
export function StorageNotice() {
  const persisted = usePersisted();
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState<boolean>();
  if (persisted !== false || asked) return null;
  const ask = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setAsked(granted);
    if (granted) setOpen(false);
  };
  return (
    <>
      <button type="button" className="status warn status-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Storage not guaranteed
      </button>
      {open && (
        <Dialog
          title="This till's data may be cleared"
          onCancel={() => setOpen(false)}
          actions={
            <button type="button" className="primary big" onClick={() => void ask()}>
              Ask the browser again
            </button>
          }
        >
          <p>
            The browser has not promised to keep this till's data. When the tablet runs short of space it may delete it — including sales
            that have not reached the server yet.
          </p>
          <p>What to do:</p>
          <ul className="steps">
            <li>Install the till as an app (the browser's menu: “Install” or “Add to Home screen”), then open it from there.</li>
            <li>Keep the till online now and then, so its sales reach the server.</li>
            <li>Free some space on the tablet if it is nearly full.</li>
          </ul>
          {asked === false && <p className="notice">The browser said no for now. Installing the app usually changes its mind.</p>}
        </Dialog>
      )}
    </>
  );
}
