/**
 * A screen that only says something — "Opening the shop…", "This till can't open its data" — as a
 * card in the middle of the page.
 */
export function Message({ title, text }: { title: string; text?: string | undefined }) {
  return (
    <main className="center">
      <section className="card">
        <h1>{title}</h1>
        {text && <p className="muted">{text}</p>}
      </section>
    </main>
  );
}
