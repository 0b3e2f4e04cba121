import { useState } from "react";
import type { ManagerContext } from "../manager-context";
import { SubNav } from "../shared/SubNav";
import { CustomersPanel } from "./CustomersPanel";
import { RegistersPanel } from "./RegistersPanel";
import { StaffPanel } from "./StaffPanel";

type Tab = "staff" | "customers" | "registers";
const TABS = [
  ["staff", "Staff"],
  ["customers", "Customers"],
  ["registers", "Tills"],
] as const;

/** People and devices: staff with their PINs, customers, and the shop's tills. */
export function PeopleScreen({ context }: { context: ManagerContext }) {
  const [tab, setTab] = useState<Tab>("staff");
  return (
    <main className="panel-page wide-page" aria-labelledby="people-title">
      <h1 id="people-title">People & tills</h1>
      <SubNav label="People" tabs={TABS} current={tab} onChange={setTab} />
      {tab === "staff" && <StaffPanel context={context} />}
      {tab === "customers" && <CustomersPanel context={context} />}
      {tab === "registers" && <RegistersPanel context={context} />}
    </main>
  );
}
