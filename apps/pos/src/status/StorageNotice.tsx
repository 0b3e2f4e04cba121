import { Dialog } from "@countertop/ui";
import { useEffect, useState, type ReactNode } from "react";
import { backgroundTurn } from "../data/background";
import { isLowOnSpace, megabytes, SPACE_CHECK_MS, spaceLeft } from "./storage-space";

/** Whether the browser will keep this till's data under storage pressure (the app asked at start-up). */
function usePersisted(): boolean | undefined {
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return persisted;
}

/**
 * Bytes the browser still lets this till store, asked at start and every few minutes; `undefined`
 * while unknown. Each ask waits for a pause between customers: the browser adds up the till's files
 * to answer, and that is not for the moment a cashier types or pays.
 */
function useSpaceLeft(): number | undefined {
  const [left, setLeft] = useState<number>();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      await backgroundTurn({ betweenCustomers: true });
      if (stopped) return;
      const estimate = await navigator.storage?.estimate?.();
      if (estimate && !stopped) setLeft(spaceLeft(estimate));
    };
    void check();
    const timer = setInterval(() => void check(), SPACE_CHECK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return left;
}

/** A warning in the bar, as a button a finger can tap (a touch screen has no hover), that opens its explanation and what to do. */
function NoticeBadge(props: {
  label: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  return (
    <>
      <button type="button" className="status warn status-button" aria-haspopup="dialog" onClick={() => props.onOpen(true)}>
        {props.label}
      </button>
      {props.open && (
        <Dialog
          title={props.title}
          // With something to do, Cancel beside it; with only something to read, one Close.
          onCancel={props.actions ? () => props.onOpen(false) : undefined}
          actions={
            props.actions ?? (
              <button type="button" className="primary big" onClick={() => props.onOpen(false)}>
                Close
              </button>
            )
          }
        >
          {props.children}
        </Dialog>
      )}
    </>
  );
}

/**
 * "Storage not guaranteed": it explains what it means and what to do, and asks the browser again.
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
    <NoticeBadge
      label="Storage not guaranteed"
      title="This till's data may be cleared"
      open={open}
      onOpen={setOpen}
      actions={
        <button type="button" className="primary big" onClick={() => void ask()}>
          Ask the browser again
        </button>
      }
    >
      <p>
        The browser has not promised to keep this till's data. When the tablet runs short of space it may delete it — including sales that
        have not reached the server yet.
      </p>
      <p>What to do:</p>
      <ul className="steps">
        <li>Install the till as an app (the browser's menu: “Install” or “Add to Home screen”), then open it from there.</li>
        <li>Keep the till online now and then, so its sales reach the server.</li>
        <li>Free some space on the tablet if it is nearly full.</li>
      </ul>
      {asked === false && <p className="notice">The browser said no for now. Installing the app usually changes its mind.</p>}
    </NoticeBadge>
  );
}

/**
 * "Storage almost full", before the tablet runs out: once it has, sales can't be saved on this till
 * (each says so when it happens). Shown while less than {@link isLowOnSpace}'s margin is left.
 */
export function SpaceNotice() {
  const left = useSpaceLeft();
  const [open, setOpen] = useState(false);
  if (left === undefined || !isLowOnSpace(left)) return null;
  return (
    <NoticeBadge label="Storage almost full" title="This tablet is running out of space" open={open} onOpen={setOpen}>
      <p>
        About {megabytes(left)} MB is left for the till's data. When it runs out, sales can't be saved on this till until space is freed.
      </p>
      <p>What to do:</p>
      <ul className="steps">
        <li>Free space on the tablet: delete photos, videos or apps it doesn't need.</li>
        <li>Keep the till online, so its sales reach the server.</li>
      </ul>
    </NoticeBadge>
  );
}
