/**
 * How an online order is paid. A real provider (Stripe, Adyen, Mollie) is one more implementation
 * of this interface; the server never sees more of a card than the provider's token needs.
 */
export interface PaymentProvider {
  readonly id: string;
  /** Reserves `amount` on the customer's payment method. Idempotent by `idempotencyKey`. */
  authorize(input: { amount: number; currency: string; idempotencyKey: string; card?: CardInput | undefined }): Promise<PaymentResult>;
  /** Takes an authorized amount. */
  capture(reference: string): Promise<PaymentResult>;
  /** Gives a captured amount back; asking again for the same payment answers "refunded" again. */
  refund(reference: string, amount: number): Promise<PaymentResult>;
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
  capture: async (reference) => ({ status: "captured", reference }),
  refund: async (reference) => ({ status: "refunded", reference }),
};

/** Card numbers the test provider knows: one that always works, one that is always declined. */
export const TEST_CARDS = { success: "4242424242424242", declined: "4000000000000002" } as const;

/**
 * A test card provider with authorize, capture, decline and refund, for demos and tests. Results
 * are remembered by idempotency key, so a retried checkout gets the same answer.
 */
export function testCardProvider(): PaymentProvider {
  const byKey = new Map<string, PaymentResult>();
  const amounts = new Map<string, { amount: number; state: PaymentResult["status"] }>();
  return {
    id: "test_card",
    async authorize({ amount, idempotencyKey, card }) {
      const known = byKey.get(idempotencyKey);
      if (known) return known;
      const number = (card?.number ?? "").replace(/\s+/g, "");
      const result: PaymentResult =
        number === TEST_CARDS.success
          ? { status: "authorized", reference: `test_${idempotencyKey.slice(0, 40)}` }
          : {
              status: "declined",
              message: number === TEST_CARDS.declined ? "The card was declined." : "Use a test card number, e.g. 4242 4242 4242 4242.",
            };
      if (result.reference) amounts.set(result.reference, { amount, state: "authorized" });
      byKey.set(idempotencyKey, result);
      return result;
    },
    async capture(reference) {
      const payment = amounts.get(reference);
      if (!payment || payment.state === "declined") return { status: "declined", reference, message: "Nothing to capture." };
      payment.state = "captured";
      return { status: "captured", reference };
    },
    async refund(reference, amount) {
      const payment = amounts.get(reference);
      if (payment?.state === "refunded") return { status: "refunded", reference };
      if (!payment || payment.state !== "captured" || amount > payment.amount)
        return { status: "declined", reference, message: "Nothing to refund." };
      payment.state = "refunded";
      return { status: "refunded", reference };
    },
  };
}

/** The payment providers a shop can use: pay later and the test card; a real provider is one adapter more. */
export function defaultPaymentProviders(): ReadonlyMap<string, PaymentProvider> {
  const testCard = testCardProvider();
  return new Map([
    [payLaterProvider.id, payLaterProvider],
    [testCard.id, testCard],
  ]);
}
