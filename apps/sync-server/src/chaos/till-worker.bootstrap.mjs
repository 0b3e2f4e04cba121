// Worker threads don't inherit the parent's `--import tsx`: load the TypeScript worker through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./till-worker.ts", import.meta.url);
