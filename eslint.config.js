// @ts-check
// The workspace's lint rules live in tooling/ with the rest of the shared build configuration.
export { default } from "@countertop/tooling/eslint";
