import { useState, type FormEvent } from "react";
import { ChooseShopError, type ShopChoice } from "../manager/session";
import { ApiCallError } from "./api";

/**
 * The state of a manager's email-and-password form, shared by manager mode on a till and a
 * manager's computer: `attempt` signs in (with the shop the manager picked, when their email
 * belongs to several); a `ChooseShopError` offers those shops, and a failure says what went wrong.
 */
export function usePasswordSignIn(attempt: (email: string, password: string, slug: string | undefined) => Promise<void>) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [shops, setShops] = useState<readonly ShopChoice[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const signIn = async (event: FormEvent | undefined, slug?: string) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await attempt(email, password, slug);
    } catch (e) {
      if (e instanceof ChooseShopError) setShops(e.shops);
      setError(e instanceof ApiCallError || e instanceof ChooseShopError ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return { email, setEmail, password, setPassword, shops, busy, error, signIn };
}

/** The shops a manager's email belongs to, to sign in to one. */
export function ShopChoices({
  shops,
  busy,
  wrap = false,
  onChoose,
}: {
  shops: readonly ShopChoice[] | undefined;
  busy: boolean;
  wrap?: boolean;
  onChoose: (slug: string) => void;
}) {
  if (!shops) return null;
  return (
    <div className={wrap ? "row wrap" : "row"} role="group" aria-label="Shops">
      {shops.map((shop) => (
        <button key={shop.slug} type="button" disabled={busy} onClick={() => onChoose(shop.slug)}>
          {shop.name}
        </button>
      ))}
    </div>
  );
}
