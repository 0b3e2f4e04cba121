import { Link } from "../app/Link";

/** What creating a shop answered, with what the form knew. */
export interface Created {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly managerEmail: string;
  readonly tillSetupUrl: string;
  readonly storefrontUrl: string;
  readonly oneTimePassword?: string;
  readonly invitationSent: boolean;
}

/** The new shop is ready: where its till set-up and storefront are, and how its manager gets in. */
export function ShopCreated({ created }: { created: Created }) {
  return (
    <section className="panel created" aria-labelledby="created-title">
      <h1 id="created-title">{created.name} is ready</h1>
      <dl className="facts">
        <dt>Till set-up</dt>
        <dd>
          <a href={created.tillSetupUrl} target="_blank" rel="noreferrer">
            {created.tillSetupUrl}
          </a>
        </dd>
        <dt>Storefront</dt>
        <dd>
          <a href={created.storefrontUrl} target="_blank" rel="noreferrer">
            {created.storefrontUrl}
          </a>
        </dd>
        <dt>Manager</dt>
        <dd>{created.managerEmail}</dd>
      </dl>
      {created.oneTimePassword && (
        <div className="secret" role="status">
          <p>
            One-time password for {created.managerEmail}: <code data-testid="one-time-password">{created.oneTimePassword}</code>
          </p>
          <p className="small">Hand it over now: it is shown only once. The manager can change it with "Forgot your password?".</p>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(created.oneTimePassword ?? "")}>
            Copy
          </button>
        </div>
      )}
      {created.invitationSent && (
        <p role="status">An invitation link is on its way to {created.managerEmail}. It works once, for seven days.</p>
      )}
      <div className="row">
        <Link className="button primary" to={`/shops/${created.id}`}>
          Open the shop's page
        </Link>
        <Link className="button" to="/shops">
          All shops
        </Link>
      </div>
    </section>
  );
}
