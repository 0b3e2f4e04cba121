/* The apps format money with the domain's rule; re-exported here beside the other pieces they share. */
export { moneyFormatter } from "@countertop/domain";
