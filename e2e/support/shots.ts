import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where journeys write the screenshots they take of what a person sees: `test-results/screenshots`
 * on an ordinary run (so a test run never changes the tree), and the committed `e2e/screenshots/`
 * when `SCREENSHOTS=1` asks for them to be refreshed.
 */
export const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  process.env.SCREENSHOTS === "1" ? "../screenshots" : "../test-results/screenshots",
);
