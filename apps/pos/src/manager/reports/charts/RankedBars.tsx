/** One row of a ranking. */
export interface RankedRow {
  readonly key: string;
  readonly name: string;
  readonly value: number;
  /** Shown after the value, e.g. "12 units · margin 38 %". */
  readonly note?: string | undefined;
  /** A mark beside the name, e.g. "online". */
  readonly tag?: string | undefined;
}

/**
 * A ranking (top products, categories, registers, cashiers) as a table whose rows carry a bar in
 * proportion to their value: readable at a glance, exact in text, and a table for screen readers.
 */
export function RankedBars({
  title,
  rows,
  format,
  empty,
}: {
  title: string;
  rows: readonly RankedRow[];
  format: (n: number) => string;
  empty: string;
}) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.value)));
  return (
    <section className="ranked" aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td className="rank">{i + 1}</td>
                <th scope="row">
                  {r.name}
                  {r.tag && <span className="tag">{r.tag}</span>}
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${(Math.abs(r.value) / max) * 100}%` }} />
                  </span>
                </th>
                <td className="num">
                  {format(r.value)}
                  {r.note && <span className="muted small block">{r.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
