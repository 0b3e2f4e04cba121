import type { Migration, MigrationProvider } from "kysely/migration";
import * as createCore from "./2026_11_23_09_00_00_create_core";
import * as createProductVariants from "./2026_11_23_12_00_00_create_product_variants";
import * as createReceiptEmails from "./2026_11_23_16_00_00_create_receipt_emails";
import * as createCheckoutRequests from "./2026_11_23_17_00_00_create_checkout_requests";
import * as createShopperAccounts from "./2026_11_23_18_00_00_create_shopper_accounts";
import * as authority from "./2026_11_29_09_00_00_authority";
import * as stockCounts from "./2026_11_29_12_00_00_stock_counts";
import * as catalogHistory from "./2026_11_29_13_00_00_catalog_history";
import * as refundIndex from "./2026_11_29_14_00_00_refund_index";
import * as outbox from "./2026_11_29_15_00_00_outbox";
import * as checkoutReservations from "./2026_11_29_15_10_00_checkout_reservations";
import * as signingKeys from "./2026_11_29_15_20_00_signing_keys";
import * as backOffice from "./2026_12_02_09_00_00_back_office";
import * as tillStatus from "./2026_11_29_15_00_00_till_status";
import * as saleNumbers from "./2026_11_29_15_30_00_sale_numbers";
import * as platformConsole from "./2026_12_01_09_00_00_platform_console";
import * as consoleRollups from "./2026_12_01_10_00_00_console_rollups";
import * as couponUses from "./2026_12_03_09_00_00_coupon_uses";

/**
 * Every migration, by name. Listed here rather than read from disk so the server runs the same
 * way under tsx, in a bundle and in tests. Names sort in the order they run.
 */
const migrations: Record<string, Migration> = {
  "2026_11_23_09_00_00_create_core": createCore,
  "2026_11_23_12_00_00_create_product_variants": createProductVariants,
  "2026_11_23_16_00_00_create_receipt_emails": createReceiptEmails,
  "2026_11_23_17_00_00_create_checkout_requests": createCheckoutRequests,
  "2026_11_23_18_00_00_create_shopper_accounts": createShopperAccounts,
  "2026_11_29_09_00_00_authority": authority,
  "2026_11_29_12_00_00_stock_counts": stockCounts,
  "2026_11_29_13_00_00_catalog_history": catalogHistory,
  "2026_11_29_14_00_00_refund_index": refundIndex,
  "2026_11_29_15_00_00_outbox": outbox,
  "2026_11_29_15_10_00_checkout_reservations": checkoutReservations,
  "2026_11_29_15_20_00_signing_keys": signingKeys,
  "2026_12_02_09_00_00_back_office": backOffice,
  "2026_11_29_15_00_00_till_status": tillStatus,
  "2026_11_29_15_30_00_sale_numbers": saleNumbers,
  "2026_12_01_09_00_00_platform_console": platformConsole,
  "2026_12_01_10_00_00_console_rollups": consoleRollups,
  "2026_12_03_09_00_00_coupon_uses": couponUses,
};

/** Kysely provider over the static list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
