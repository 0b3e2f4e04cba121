/** The hosted platform admin's shell. */
export function App() {
  return (
    <div className="shell">
      <header className="bar">
        <span className="brand">Countertop Platform</span>
      </header>
      <main className="center">
        <section className="card">
          <h1>Countertop Admin</h1>
          <p className="muted">Sign in as the platform owner to run tenants.</p>
        </section>
      </main>
    </div>
  );
}
