/** The shop slug from the URL: /shop/{slug}/… */
function shopSlug(pathname: string): string | undefined {
  return /^\/shop\/([a-z0-9][a-z0-9-]*)/.exec(pathname)?.[1];
}

/** The storefront's shell: which shop this is, ready for the catalog. */
export function App() {
  const slug = shopSlug(window.location.pathname);
  return (
    <div className="shell">
      <header className="bar">
        <a className="brand" href={slug ? `/shop/${slug}/` : "/shop/"}>
          {slug ? slug : "Countertop Shop"}
        </a>
      </header>
      <main className="center">
        <section className="card">
          <h1>{slug ? `Welcome to ${slug}` : "Shop not found"}</h1>
          <p className="muted">{slug ? "The catalog is loading." : "Check the address of the shop you wanted to visit."}</p>
        </section>
      </main>
    </div>
  );
}
