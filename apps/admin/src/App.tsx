import { Message } from "@countertop/ui";

/** The hosted platform admin's shell. */
export function App() {
  return (
    <div className="shell">
      <header className="bar">
        <span className="brand">Countertop Platform</span>
      </header>
      <Message title="Countertop Admin" text="Sign in as the platform owner to run tenants." />
    </div>
  );
}
