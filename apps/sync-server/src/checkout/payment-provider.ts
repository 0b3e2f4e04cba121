import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/**
 * How an online order is paid. A real provider (Stripe, Adyen, Mollie) is one more implementation
 * of this interface; the server never sees more of a card than the provider's token needs.
 */
export interface PaymentProvider {
  readonly id: string;
  /** Reserves `amount` on the customer's payment method. Idempotent by `idempotencyKey`. */
  authorize(input: { amount: number; currency: string; idempotencyKey: string; card?: CardInput | undefined }): Promise<PaymentResult>;
  /**
   * The payment made with this idempotency key, if any: after a crash between asking for a payment
   * and recording the order, this tells whether money was taken (every provider keeps this).
   */
  lookup(idempotencyKey: string): Promise<PaymentResult | undefined>;
  /** Takes an authorized amount. */
  capture(reference: string): Promise<PaymentResult>;
  /**
   * Gives a captured amount back. Idempotent by `idempotencyKey`: asked again with the same key (a
   * retry after a crash), it answers the first answer and moves no money twice.
   */
  refund(reference: string, amount: number, idempotencyKey: string): Promise<PaymentResult>;
}

/** What the test card provider reads; a real provider takes a token from its own checkout field instead. */
export interface CardInput {
  readonly number: string;
  readonly expiry?: string | undefined;
  readonly cvc?: string | undefined;
}

export interface PaymentResult {
  readonly status: "pending" | "authorized" | "captured" | "declined" | "refunded";
  readonly reference?: string | undefined;
  readonly message?: string | undefined;
}

/** Pay at pickup or on delivery: nothing to authorize now; the shop takes the money later. */
export const payLaterProvider: PaymentProvider = {
  id: "pay_later",
  authorize: async () => ({ status: "pending" }),
  lookup: async () => undefined,
  capture: async (reference) => ({ status: "captured", reference }),
  refund: async (reference) => ({ status: "refunded", reference }),
};

/** Card numbers the test provider knows: one that always works, one that is always declined. */
export const TEST_CARDS = { success: "4242424242424242", declined: "4000000000000002" } as const;

/**
 * A test card provider with authorize, capture, decline and refund, for demos and tests. It keeps
 * its payments in the database (`test_card_payments`), as a real provider keeps them on its side:
 * an authorization is remembered by idempotency key, so a retried checkout gets the same answer,
 * and a refund works across a restart of the server and happens once per refund key.
 */
export function testCardProvider(db: Kysely<Database>): PaymentProvider {
  return {
    id: "test_card",
    async authorize({ amount, idempotencyKey, card }) {
      const number = (card?.number ?? "").replace(/\s+/g, "");
      if (number !== TEST_CARDS.success) {
        return {
          status: "declined",
          message: number === TEST_CARDS.declined ? "The card was declined." : "Use a test card number, e.g. 4242 4242 4242 4242.",
        };
      }
      const reference = `test_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;
      await db
        .insertInto("test_card_payments")
        .values({ reference, idempotency_key: idempotencyKey, amount, status: "authorized" })
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .execute();
      return { status: "authorized", reference };
    },
    async lookup(idempotencyKey) {
      const payment = await db
        .selectFrom("test_card_payments")
        .select(["reference", "status"])
        .where("idempotency_key", "=", idempotencyKey)
        .executeTakeFirst();
      return payment ? { status: payment.status, reference: payment.reference } : undefined;
    },
    async capture(reference) {
      const captured = await db
        .updateTable("test_card_payments")
        .set({ status: "captured" })
        .where("reference", "=", reference)
        .where("status", "in", ["authorized", "captured"])
        .returning("reference")
        .executeTakeFirst();
      return captured ? { status: "captured", reference } : { status: "declined", reference, message: "Nothing to capture." };
    },
    async refund(reference, amount, idempotencyKey) {
      // One transaction holding the payment: of two refunds at once with one key, one moves the money and both say "refunded".
      return db.transaction().execute(async (trx) => {
        const payment = await trx
          .selectFrom("test_card_payments")
          .selectAll()
          .where("reference", "=", reference)
          .forUpdate()
          .executeTakeFirst();
        if (!payment) return { status: "declined", reference, message: "Nothing to refund." };
        await trx
          .updateTable("test_card_payments")
          .set({ refund_requests: payment.refund_requests + 1 })
          .where("reference", "=", reference)
          .execute();
        if (payment.status === "refunded") {
          return payment.refund_key === idempotencyKey
            ? { status: "refunded", reference }
            : { status: "declined", reference, message: "Already refunded." };
        }
        if (payment.status !== "captured" || amount > Number(payment.amount))
          return { status: "declined", reference, message: "Nothing to refund." };
        await trx
          .updateTable("test_card_payments")
          .set({ status: "refunded", refund_key: idempotencyKey })
          .where("reference", "=", reference)
          .execute();
        return { status: "refunded", reference };
      });
    },
  };
}

/** The payment providers a shop can use: pay later and the test card; a real provider is one adapter more. */
export function defaultPaymentProviders(db: Kysely<Database>): ReadonlyMap<string, PaymentProvider> {
  const testCard = testCardProvider(db);
  return new Map([
    [payLaterProvider.id, payLaterProvider],
    [testCard.id, testCard],
  ]);
}
