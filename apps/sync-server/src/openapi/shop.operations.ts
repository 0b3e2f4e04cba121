import { categorySchema, orderSchema, productSchema, promotionSchema, stockLevelSchema } from "@countertop/sync-protocol";
import { z } from "zod";
import { checkoutRequestSchema } from "../checkout/checkout.schema";
import { shopperConfirmSchema, shopperSignInSchema, shopperSignUpSchema } from "../shop/account.schema";
import { shopCatalogQuerySchema } from "../shop/catalog.routes";
import { EX } from "./examples";
import type { Operation } from "./operation";

const shopperAnswer = z.object({ token: z.string(), tenantId: z.uuid(), customer: z.object({ id: z.string() }).loose() });

/** A shop's storefront: anonymous sessions, shopper accounts, checkout. */
export const SHOP_OPERATIONS: readonly Operation[] = [
  {
    method: "post",
    path: "/api/v1/shop/{slug}/session",
    tag: "Storefront",
    summary: "A shopper token for the shop's public catalog",
    description:
      "404 for an unknown, suspended or closed shop; 403 `module_disabled` when the shop's plan has the online shop off. Rate-limited per address.",
    response: {
      status: 201,
      description: "A new anonymous session",
      schema: z.object({ token: z.string(), tenantId: z.uuid(), shop: z.object({ slug: z.string(), name: z.string() }) }),
      example: { token: EX.token, tenantId: EX.tenantId, shop: { slug: "demo", name: "Corner Pantry" } },
    },
    errors: [403, 404, 429],
  },
  {
    method: "get",
    path: "/api/v1/shop/{slug}/catalog",
    tag: "Storefront",
    summary: "The shop's public catalog with the products of a category and search",
    description:
      "A served shop page's snapshot (public fields, as a shopper's pull shows them) with only the active products matching `category` and `q` (in the name or description, any case), the first 400 by name: `asked.all` says whether those are all of them. Without either, the catalog's first 400, `complete` when that is all. What a storefront asks while its catalog is partial (a large shop's page, a replica on its first sync). 404 for an unknown, suspended or closed shop.",
    query: shopCatalogQuerySchema,
    response: {
      status: 200,
      description: "The catalog snapshot",
      schema: z.object({
        products: z.array(productSchema),
        categories: z.array(categorySchema),
        settings: z.object({ shopName: z.string() }).loose(),
        promotions: z.array(promotionSchema),
        stockLevels: z.array(stockLevelSchema),
        complete: z.boolean(),
        asked: z.object({ category: z.string().optional(), q: z.string().optional(), all: z.boolean() }).optional(),
      }),
    },
    errors: [400, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/shop/{slug}/account",
    tag: "Storefront",
    summary: "Sign up (always 202: the email decides)",
    body: shopperSignUpSchema,
    bodyExample: { name: "Jo Shopper", email: "jo@example.com", password: "jo-password" },
    response: {
      status: 202,
      description: "Check your email",
      schema: z.object({ status: z.literal("check_email"), email: z.string() }),
      example: { status: "check_email", email: "jo@example.com" },
    },
    errors: [400, 403, 404, 429],
  },
  {
    method: "post",
    path: "/api/v1/shop/{slug}/account/confirm",
    tag: "Storefront",
    summary: "Finish a sign-up from its emailed link",
    body: shopperConfirmSchema,
    bodyExample: { token: EX.token },
    response: { status: 201, description: "Signed in", schema: shopperAnswer },
    errors: [400, 404, 409, 429],
  },
  {
    method: "post",
    path: "/api/v1/shop/{slug}/account/session",
    tag: "Storefront",
    summary: "Sign a shopper in",
    body: shopperSignInSchema,
    bodyExample: { email: "jo@example.com", password: "jo-password" },
    response: { status: 200, description: "Signed in", schema: shopperAnswer },
    errors: [400, 401, 404, 429],
  },
  {
    method: "post",
    path: "/api/v1/shop/{slug}/checkout",
    tag: "Storefront",
    summary: "Check out a cart",
    description:
      "The server re-prices the cart, reserves stock and creates the order. The same `Idempotency-Key` answers the same order (200); with another body, 422. 402 `payment_declined`; 409 `sold_out`/`unavailable`; 403 `module_disabled` when online orders are off.",
    callers: ["shopper"],
    headers: [
      { name: "Idempotency-Key", description: "8–200 letters, digits, _ . : -; the same for retries of one checkout", required: true },
    ],
    body: checkoutRequestSchema,
    bodyExample: {
      lines: [{ variantId: "0193a3c4-0000-7000-8000-000000000001", qty: 2 }],
      email: "jo@example.com",
      shippingOptionId: "pickup",
      payment: { provider: "test_card", card: { number: "4242 4242 4242 4242" } },
    },
    response: {
      status: 201,
      description: "The order, and `link`: its signed page for a guest to follow it (also in the confirmation email)",
      schema: z.object({ order: orderSchema, replayed: z.boolean(), link: z.string() }),
    },
    errors: [400, 401, 402, 403, 404, 409, 422, 503],
  },
  {
    method: "get",
    path: "/api/v1/shop/{slug}/orders/{id}",
    tag: "Storefront",
    summary: "One order, for whoever holds its signed link (a guest has no account)",
    description: "`?key=` from the link in the checkout's answer and the emails. 404 alike for an unknown order and a wrong key.",
    query: z.object({ key: z.string() }),
    response: { status: 200, description: "The order", schema: z.object({ order: orderSchema }) },
    errors: [404],
  },
];
