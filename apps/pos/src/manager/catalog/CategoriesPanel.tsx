import type { Category } from "@countertop/sync-protocol";
import { Alert } from "@countertop/ui";
import { useState } from "react";
import { uuidv7 } from "uuidv7";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { pendingNew, usePending } from "../shared/use-pending";
import { saveWrites, type DocumentChange } from "../shared/write";
import { useCatalog } from "./use-catalog";

/** Categories: add, rename, put in order (the till's tabs follow it), archive and bring back. */
export function CategoriesPanel({ context }: { context: ManagerContext }) {
  const { categories } = useCatalog(context);
  const pending = usePending(context, "categories");
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [error, setError] = useState<string>();
  if (!categories) return <p className="muted">Loading…</p>;
  const all = [...categories, ...pendingNew<"categories">(pending, new Set(categories.map((c) => c.id)))];
  const now = () => new Date().toISOString();
  const write = async (changes: DocumentChange<"categories">[]) => setError(await saveWrites(context, "categories", changes));
  const change = (c: Category, patch: Partial<Category>, summary: string) => ({
    before: c,
    after: { ...c, ...patch, updatedAt: now() },
    summary,
  });

  const add = async () => {
    if (!name.trim()) return setError("Type the new category's name.");
    const position = all.reduce((max, c) => Math.max(max, c.position), -1) + 1;
    await write([
      { after: { id: uuidv7(), name: name.trim(), position, updatedAt: now(), _deleted: false }, summary: `Add category ${name.trim()}` },
    ]);
    setName("");
  };
  // Moving swaps positions with the neighbour: two writes, each a field the other manager is unlikely to touch at once.
  const move = async (index: number, by: -1 | 1) => {
    const [a, b] = [all[index], all[index + by]];
    if (!a || !b) return;
    await write([change(a, { position: b.position }, `Move ${a.name}`), change(b, { position: a.position }, `Move ${b.name}`)]);
  };

  return (
    <section aria-label="Categories">
      <form
        className="row wrap toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          className="grow"
          aria-label="New category"
          placeholder="New category"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button className="primary">Add category</button>
      </form>
      <Alert message={error} />
      <ol className="list" aria-label="Categories in order">
        {all.map((c, i) => (
          <li key={c.id} className="list-item static category-row" aria-label={c.name}>
            {renaming?.id === c.id ? (
              <form
                className="row grow"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (renaming.name.trim()) void write([change(c, { name: renaming.name.trim() }, `Rename category ${c.name}`)]);
                  setRenaming(undefined);
                }}
              >
                <input aria-label="Category name" value={renaming.name} onChange={(e) => setRenaming({ id: c.id, name: e.target.value })} />
                <button className="primary">Save</button>
              </form>
            ) : (
              <span className="grow">
                <strong>{c.name}</strong> {c.archived && <span className="badge">Archived</span>} <PendingBadge write={pending.get(c.id)} />
              </span>
            )}
            <span className="row">
              <button type="button" aria-label={`Move ${c.name} up`} disabled={i === 0} onClick={() => void move(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${c.name} down`} disabled={i === all.length - 1} onClick={() => void move(i, 1)}>
                ↓
              </button>
              <button type="button" onClick={() => setRenaming({ id: c.id, name: c.name })}>
                Rename
              </button>
              <button
                type="button"
                onClick={() =>
                  void write([change(c, { archived: !c.archived }, `${c.archived ? "Restore" : "Archive"} category ${c.name}`)])
                }
              >
                {c.archived ? "Restore" : "Archive"}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {all.length === 0 && <p className="muted">No categories yet.</p>}
    </section>
  );
}
