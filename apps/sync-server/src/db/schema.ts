import type {
  Category,
  CollectionDocument,
  CollectionName,
  Customer,
  Order,
  Product,
  Promotion,
  Reconciliation,
  Sale,
  Settings,
  Shift,
  Staff,
  StockLevel,
  StockMovement,
} from "@countertop/sync-protocol";
import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** A replicated document of any collection as stored: the exact client-visible JSON, without server fields. */
export type AnyDocument = CollectionDocument<CollectionName>;

/**
 * Columns every replicated collection table has; `doc` is the collection's document as
 * `@countertop/sync-protocol` defines it. `seq` is the per-tenant change counter (bigint, so
 * node-postgres hands it back as a string of digits, as the wire wants it).
 */
export interface DocumentColumns<D extends AnyDocument> {
  tenant_id: string;
  id: string;
  seq: ColumnType<string, string | bigint, string | bigint>;
  deleted: ColumnType<boolean, boolean | undefined, boolean>;
  doc: JSONColumnType<D>;
  server_updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A bigint column: node-postgres reads it as a string of digits; write a number. */
type BigintColumn = ColumnType<string, number | bigint | string, number | bigint | string>;

export interface StockLevelsTable extends DocumentColumns<StockLevel> {
  location_id: string;
  variant_id: string;
  on_hand: BigintColumn;
}

export interface StockMovementsTable extends DocumentColumns<StockMovement> {
  location_id: string;
  variant_id: string;
  delta: BigintColumn;
  reason: string;
  ref_id: string | null;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
}

export interface SalesTable extends DocumentColumns<Sale> {
  kind: string;
  register_id: string;
  shift_id: string;
  total: ColumnType<string, number | bigint | string, number | bigint | string>;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

export interface OrdersTable extends DocumentColumns<Order> {
  status: string;
  customer_id: string | null;
  total: ColumnType<string, number | bigint | string, number | bigint | string>;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

export interface CustomersTable extends DocumentColumns<Customer> {
  email: string | null;
  phone: string | null;
}

/** `plans`: a small shared table; a `null` limit is no limit. */
export interface PlansTable {
  id: string;
  name: string;
  modules: JSONColumnType<string[]>;
  max_registers: number | null;
  max_locations: number | null;
  max_staff: number | null;
  max_products: number | null;
}

/**
 * A shop's standing: `active`; `suspended` by the platform owner (with a reason its manager sees);
 * `closed` and waiting for `delete_after`, restorable until then; `deleted` (its data gone, its
 * audit trail kept). `disabled` is an older name of suspended.
 */
export type TenantStatus = "active" | "suspended" | "disabled" | "closed" | "deleted";

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  currency: string;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  plan_id: string;
  domain: string | null;
  seq: ColumnType<string, string | bigint | undefined, string | bigint>;
  created_at: Generated<Date>;
  /** Per-shop changes to its plan's limits and modules (`PlanOverrides`). */
  plan_overrides: ColumnType<Record<string, unknown>, string | undefined, string>;
  status_reason: ColumnType<string | null, string | null | undefined, string | null>;
  status_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  delete_after: ColumnType<Date | null, Date | null | undefined, Date | null>;
  domain_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PlatformUsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  created_at: Generated<Date>;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  email: string;
  password_hash: string;
  name: string;
  role: "manager";
  created_at: Generated<Date>;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** `sessions`: a manager's sign-in, checked on every request until it expires or is revoked. */
export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** `platform_sessions`: the platform owner's sign-in. */
export interface PlatformSessionsTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** `audit_log` (one shop's) and `platform_audit_log` (the platform's own): append-only. */
export interface AuditLogColumns {
  id: string;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  outcome: "ok" | "refused";
  event: JSONColumnType<Record<string, unknown>>;
}

export interface AuditLogTable extends AuditLogColumns {
  tenant_id: string;
}

export interface DevicesTable {
  tenant_id: string;
  id: string;
  name: string;
  location_id: string | null;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  /** The till's last sync call, with what it reported: documents waiting to push, its app version. */
  last_seen_at: Date | null;
  /** The till's own report: when its last sync went through. */
  last_sync_at?: Date | null;
  /** The till's own report: documents waiting per collection (`{ "sales": 3 }`). */
  pending?: ColumnType<Record<string, number> | null, string | null, string | null>;
  /** The sum of `pending`, for the console's sync backlog. */
  pending_docs: ColumnType<number | null, number | null | undefined, number | null>;
  /** The till's own report: its app version. */
  app_version: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProductVariantsTable {
  tenant_id: string;
  variant_id: string;
  product_id: string;
  sku: string;
  barcode: string | null;
  price: ColumnType<string, number | string, number | string>;
  track_stock: boolean;
}

/** `checkout_requests`: checkouts by idempotency key. */
export interface CheckoutRequestsTable {
  tenant_id: string;
  /** Whose key it is: the shopper's account, or their anonymous session. */
  caller: string;
  /** The checkout request the key was first used with; the same key with another body is refused. */
  request_hash: string | null;
  idempotency_key: string;
  order_id: string;
  created_at: ColumnType<Date, never, never>;
  /** `reserved` while the payment is taken (stock held for `draft`), `confirmed` once the order is written. */
  state: ColumnType<"reserved" | "confirmed", "reserved" | "confirmed" | undefined, "reserved" | "confirmed">;
  draft: ColumnType<CheckoutDraft | null, string | null | undefined, string | null>;
  /** The idempotency key the payment provider was asked with, to look the payment up after a crash. */
  payment_key: string | null;
  expires_at: Date | null;
}

/** A checkout's priced order and the stock it holds, between reserving and confirming. */
export interface CheckoutDraft {
  /** The order as it will be written, but for its number, status and payment (set on confirming). */
  readonly order: Order;
  /** The `order` movements it will write; their levels are what the reservation holds. */
  readonly movements: StockMovement[];
  /** The order's signed page for a guest, for the confirmation email. */
  readonly link?: string | undefined;
}

/** `shopper_accounts`: a shopper's sign-in to one shop; the profile is the `customers` document. */
export interface ShopperAccountsTable {
  tenant_id: string;
  customer_id: string;
  email: string;
  password_hash: string;
  created_at: ColumnType<Date, never, never>;
}

/** `catalog_history`: prices (by variant) and promotions (by id) as of the `seq` of the write that set them. */
export interface CatalogHistoryTable {
  tenant_id: string;
  kind: "price" | "promotion";
  key: string;
  seq: ColumnType<string, string | bigint, string | bigint>;
  value: ColumnType<unknown, string, string>;
}

/** `outbox`: side effects of committed writes (refunds, mails), carried out by the worker. */
export interface OutboxTable {
  tenant_id: string;
  id: string;
  kind: string;
  key: string;
  payload: ColumnType<unknown, string, string>;
  status: ColumnType<"pending" | "done" | "dead", "pending" | "done" | "dead" | undefined, "pending" | "done" | "dead">;
  attempts: ColumnType<number, number | undefined, number>;
  next_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  done_at: Date | null;
}

/** `test_card_payments`: the test card provider's own records, as a real provider keeps them on its side. */
export interface TestCardPaymentsTable {
  reference: string;
  idempotency_key: string;
  amount: ColumnType<string, number | string, number | string>;
  status: "authorized" | "captured" | "refunded";
  refund_key: string | null;
  /** How many times a refund was asked for (money moves on the first only): the kill-point tests read it. */
  refund_requests: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** `signing_keys`: the token keys when JWT_SECRET is unset, shared by every process on the database. */
export interface SigningKeysTable {
  id: string;
  secret: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  retire_at: Date | null;
}

/** `rate_limits`: attempt counters per limiter and hashed key, shared by every process. */
export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: Date;
}

/** `media`: a shop's images by the SHA-256 of their bytes (hex), served immutable. */
export interface MediaTable {
  tenant_id: string;
  id: string;
  content_type: string;
  bytes: Uint8Array;
  size: number;
  created_at: Generated<Date>;
}

/** An emailed single-use link (password reset, invitation); only a hash of its secret is kept. */
export interface LinkColumns {
  id: string;
  purpose: "reset" | "invite";
  user_id: string;
  secret_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** `user_links`: a shop manager's links. `platform_links` (the platform owner's) has no tenant. */
export interface UserLinksTable extends LinkColumns {
  tenant_id: string;
}

type Counter = ColumnType<number, number | undefined, number>;
type BigCounter = ColumnType<string, number | string | undefined, number | string>;

/** `tenant_daily_stats`: a shop's figures per UTC day, kept by triggers on `sales` and `orders`. */
export interface TenantDailyStatsTable {
  tenant_id: string;
  day: ColumnType<string, string, string>;
  pos_sales: Counter;
  pos_gmv: BigCounter;
  pos_refunds: Counter;
  pos_refunded: BigCounter;
  online_orders: Counter;
  online_gmv: BigCounter;
}

/** `tenant_counters`: one row per shop, kept by triggers (open reconciliation items). */
export interface TenantCountersTable {
  tenant_id: string;
  open_reconciliation: Counter;
}

/** The table of each replicated collection, keyed by the collection's name. */
export interface CollectionTables {
  products: DocumentColumns<Product>;
  categories: DocumentColumns<Category>;
  sales: SalesTable;
  stock_movements: StockMovementsTable;
  stock_levels: StockLevelsTable;
  shifts: DocumentColumns<Shift>;
  orders: OrdersTable;
  customers: CustomersTable;
  staff: DocumentColumns<Staff>;
  settings: DocumentColumns<Settings>;
  promotions: DocumentColumns<Promotion>;
  reconciliation: DocumentColumns<Reconciliation>;
}

/** Every collection has a table and every collection table is a collection: a compile-time check. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyCollectionHasATable: Same<keyof CollectionTables, CollectionName> = true;

/** The whole database as Kysely sees it. */
export interface Database extends CollectionTables {
  plans: PlansTable;
  tenants: TenantsTable;
  platform_users: PlatformUsersTable;
  users: UsersTable;
  devices: DevicesTable;
  product_variants: ProductVariantsTable;
  checkout_requests: CheckoutRequestsTable;
  shopper_accounts: ShopperAccountsTable;
  sessions: SessionsTable;
  platform_sessions: PlatformSessionsTable;
  audit_log: AuditLogTable;
  platform_audit_log: AuditLogColumns;
  platform_links: LinkColumns;
  user_links: UserLinksTable;
  tenant_daily_stats: TenantDailyStatsTable;
  tenant_counters: TenantCountersTable;
  catalog_history: CatalogHistoryTable;
  outbox: OutboxTable;
  test_card_payments: TestCardPaymentsTable;
  signing_keys: SigningKeysTable;
  rate_limits: RateLimitsTable;
  media: MediaTable;
}
