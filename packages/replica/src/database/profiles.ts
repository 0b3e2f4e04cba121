import { COLLECTIONS, DEVICE_PUSH_COLLECTIONS, SHOPPER_COLLECTIONS, SHOPPER_PUSH_COLLECTIONS } from "@countertop/sync-protocol/client";
import type { CollectionName } from "@countertop/sync-protocol";

/** What the POS replicates: everything, so a till and the manager work fully offline. */
export const POS_COLLECTIONS: readonly CollectionName[] = COLLECTIONS;

/**
 * What a storefront may replicate: what a shopper's token reads, as the sync contract defines it
 * (`SHOPPER_COLLECTIONS`): the public catalog and availability, the shopper's own orders and profile.
 */
export const STOREFRONT_COLLECTIONS: readonly CollectionName[] = SHOPPER_COLLECTIONS;

/** Collections only the server writes: no client pushes them, the server refuses it anyway. */
export const SERVER_ONLY_COLLECTIONS = ["stock_levels"] as const satisfies readonly CollectionName[];

/**
 * What a till pushes with its device token: what the contract lets a device write
 * (`DEVICE_PUSH_COLLECTIONS`). Every other collection replicates pull-only on a till; a manager's
 * writes to them go through the manager outbox with a manager session, never through the device's
 * replication.
 */
export const POS_PUSH_COLLECTIONS = DEVICE_PUSH_COLLECTIONS;

/** What the storefront pushes: the shopper's own profile, nothing else (orders are made by checkout). */
export const STOREFRONT_PUSH_COLLECTIONS: readonly CollectionName[] = SHOPPER_PUSH_COLLECTIONS;
