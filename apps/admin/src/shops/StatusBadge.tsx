const LABELS: Record<string, string> = { active: "Active", suspended: "Suspended", closed: "Closed", deleted: "Deleted" };

/** A shop's standing as a coloured label. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{LABELS[status] ?? status}</span>;
}
