import { getRxStorageMemory } from "rxdb/plugins/storage-memory";
import { describeFirstSync } from "./first-sync.suite";

// RxDB's in-memory storage with dev-mode on: every document is validated (the Dexie storage has a test file of its own).
describeFirstSync({ name: "in-memory", storage: () => getRxStorageMemory(), devMode: true });
