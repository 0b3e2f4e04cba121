import { Alert } from "@countertop/ui";
import { CredentialFields } from "../app/CredentialFields";
import { ShopChoices, usePasswordSignIn } from "../app/password-sign-in";
import { deskOf, saveTill, type Till } from "../app/till";
import { signInAtDesk, type ManagerSession } from "../manager/session";

/**
 * A manager signs in on a computer that is not a till: manager mode only, no selling, nothing to
 * register. The shop's data comes with the session; signing out ends it on this computer.
 */
export function DeskSignIn({
  desk,
  onSignedIn,
  onBack,
}: {
  /** The computer's shop once it has been used (a later sign-in must be a manager of it). */
  desk: Till | undefined;
  onSignedIn: (desk: Till, session: ManagerSession) => void;
  /** Back to setting the tablet up as a till. */
  onBack: () => void;
}) {
  const { email, setEmail, password, setPassword, shops, busy, error, signIn } = usePasswordSignIn(async (email, password, slug) => {
    const { session, slug: shop } = await signInAtDesk(email, password, slug ?? desk?.tenantSlug);
    const next = desk && desk.tenantId === session.tenantId ? desk : deskOf(session.tenantId, shop ?? slug);
    saveTill(next);
    onSignedIn(next, session);
  });
  return (
    <main className="center">
      <form className="card form" onSubmit={(e) => void signIn(e)} aria-labelledby="desk-title">
        <h1 id="desk-title">Manage the shop</h1>
        <p className="muted">
          On this computer you manage the catalog, stock, people and settings. It doesn't sell: tills do that. Signing out ends the sign-in
          here.
        </p>
        <CredentialFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
        <ShopChoices shops={shops} busy={busy} wrap onChoose={(slug) => void signIn(undefined, slug)} />
        <Alert message={error} />
        <button className="primary big" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <button type="button" className="link" onClick={onBack}>
          Set this device up as a till instead
        </button>
      </form>
    </main>
  );
}
