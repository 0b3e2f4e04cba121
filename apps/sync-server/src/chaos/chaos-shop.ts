import { DEMO } from "../seed/demo";
import { variantsOf, type TestVariant } from "../testing/fixtures";
import { callServer, type Json } from "../testing/http-client";

/** A registered till of the chaos shop. */
export interface ChaosTill {
  readonly id: string;
  readonly token: string;
  readonly locationId: string;
}

/** The demo shop made ready for a chaos run: tills, and stock set to known levels. */
export interface ChaosShop {
  readonly manager: string;
  readonly tills: readonly ChaosTill[];
  /** Two run out during the run, the third has stock for every unit the tills could sell. Never refunded. */
  readonly scarce: readonly TestVariant[];
  /** Stock enough never to go below zero; these may be refunded. */
  readonly plentiful: readonly TestVariant[];
  /** What the tills sell: scarce and plentiful. */
  readonly variants: readonly TestVariant[];
  /** A variant the tills never sell: only the runner's own stock movements change it (the fan-out probes). */
  readonly beacon: TestVariant;
  /** The stock level of each variant above (and the beacon) when the tills start. */
  readonly initial: ReadonlyMap<string, number>;
}

const SCARCE_STOCK = 4;
const PLENTIFUL_STOCK = 1_000_000;

/** Every document of `collection` the token may read, page by page. */
export async function pullAll(baseUrl: string, token: string, collection: string): Promise<Json[]> {
  const docs: Json[] = [];
  for (let seq = "0"; ;) {
    const page = await callServer(baseUrl, "GET", `/sync/v1/${collection}/pull?seq=${seq}&limit=1000`, token);
    if (page.documents.length === 0) return docs;
    docs.push(...page.documents);
    seq = page.checkpoint.seq;
  }
}

/** A manager's stock movement of `delta` units of `variantId` (a count: the manager's to record). */
export function stockMovement(locationId: string, variantId: string, delta: number) {
  return {
    newDocumentState: {
      id: crypto.randomUUID(),
      locationId,
      variantId,
      delta,
      reason: "count",
      occurredAt: new Date().toISOString(),
      _deleted: false,
    },
  };
}

/** Signs the demo manager in, registers `tillCount` tills and sets the stock of the SKUs the run uses. */
export async function prepareChaosShop(baseUrl: string, tillCount: number, salesPerTill: number): Promise<ChaosShop> {
  const manager = (
    await callServer(baseUrl, "POST", "/api/v1/auth/login", undefined, { email: DEMO.manager.email, password: DEMO.manager.password })
  ).token as string;
  const tills: ChaosTill[] = [];
  for (let i = 0; i < tillCount; i++) {
    const res = await callServer(baseUrl, "POST", "/api/v1/devices", manager, { name: `Chaos till ${i + 1}` });
    tills.push({ id: res.id, token: res.token, locationId: res.register.locationId });
  }
  const first = tills[0]!;
  const all = variantsOf(await pullAll(baseUrl, first.token, "products"), { standard: 1900, reduced: 700 });
  const scarce = all.slice(0, 3);
  const plentiful = all.slice(3, 6);
  const beacon = all[6]!;
  const variants = [...scarce, ...plentiful];
  const levelsBefore = new Map((await pullAll(baseUrl, first.token, "stock_levels")).map((l) => [l.id as string, l.onHand as number]));
  const scarceStock = [SCARCE_STOCK, SCARCE_STOCK, tillCount * salesPerTill * 6];
  const initial = new Map<string, number>(
    [...variants, beacon].map((v) => [v.id, scarce.includes(v) ? scarceStock[scarce.indexOf(v)]! : PLENTIFUL_STOCK]),
  );
  const adjustments = [...initial].map(([id, level]) =>
    stockMovement(first.locationId, id, level - (levelsBefore.get(`${first.locationId}:${id}`) ?? 0)),
  );
  await callServer(
    baseUrl,
    "POST",
    "/sync/v1/stock_movements/push",
    manager,
    adjustments.filter((a) => a.newDocumentState.delta !== 0),
  );
  return { manager, tills, scarce, plentiful, variants, beacon, initial };
}
