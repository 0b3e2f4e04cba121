import { SharedStream } from "@countertop/replica";

/**
 * The tab's one live connection to the shop (DESIGN: the multiplexed stream): the public catalog's
 * replica and a signed-in shopper's own orders and profile both follow it.
 */
export const tabStream = new SharedStream({ baseUrl: "" });
