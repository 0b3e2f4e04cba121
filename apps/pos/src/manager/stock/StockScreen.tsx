import { useState } from "react";
import type { ManagerContext } from "../manager-context";
import { SubNav } from "../shared/SubNav";
import { AdjustPanel } from "./AdjustPanel";
import { CountPanel } from "./CountPanel";
import { HistoryPanel } from "./HistoryPanel";
import { LevelsPanel } from "./LevelsPanel";
import { ReceivePanel } from "./ReceivePanel";
import { TransfersPanel } from "./TransfersPanel";
import type { StockItem } from "./use-stock";

type Tab = "levels" | "receive" | "adjust" | "count" | "transfers" | "history";
const TABS = [
  ["levels", "Levels"],
  ["receive", "Receive"],
  ["adjust", "Adjust"],
  ["count", "Count"],
  ["transfers", "Transfers"],
  ["history", "History"],
] as const;

/**
 * Stock across the shop's locations: levels with low-stock thresholds, receiving deliveries,
 * adjustments, counts, transfers and each variant's history. Every change is a stock movement sent
 * through the manager outbox; the server keeps the levels.
 */
export function StockScreen({ context }: { context: ManagerContext }) {
  const locations = context.settings.locations;
  const [locationId, setLocationId] = useState(() =>
    locations.some((l) => l.id === context.till.locationId) ? context.till.locationId : (locations[0]?.id ?? ""),
  );
  const [tab, setTab] = useState<Tab>("levels");
  const [item, setItem] = useState<StockItem>();
  const showHistory = (picked: StockItem) => {
    setItem(picked);
    setTab("history");
  };
  const panel = { context, locationId };
  return (
    <main className="panel-page wide-page" aria-labelledby="stock-title">
      <div className="row wrap">
        <h1 id="stock-title" className="grow">
          Stock
        </h1>
        <label className="row">
          Location
          <select aria-label="Location" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SubNav label="Stock" tabs={TABS} current={tab} onChange={setTab} />
      {tab === "levels" && <LevelsPanel {...panel} onHistory={showHistory} />}
      {tab === "receive" && <ReceivePanel {...panel} />}
      {tab === "adjust" && <AdjustPanel {...panel} />}
      {tab === "count" && <CountPanel {...panel} />}
      {tab === "transfers" && <TransfersPanel {...panel} />}
      {tab === "history" && <HistoryPanel {...panel} item={item} onPick={setItem} />}
    </main>
  );
}
