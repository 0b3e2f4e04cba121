/** The tabs inside one manager screen (Products · Categories · Import…). */
export function SubNav<K extends string>({
  label,
  tabs,
  current,
  onChange,
}: {
  label: string;
  tabs: readonly (readonly [K, string])[];
  current: K;
  onChange: (tab: K) => void;
}) {
  return (
    <nav className="subnav" aria-label={label}>
      {tabs.map(([key, text]) => (
        <button
          key={key}
          type="button"
          className={key === current ? "mode active" : "mode"}
          aria-current={key === current ? "page" : undefined}
          onClick={() => onChange(key)}
        >
          {text}
        </button>
      ))}
    </nav>
  );
}
