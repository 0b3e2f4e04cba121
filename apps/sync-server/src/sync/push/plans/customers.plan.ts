import type { Customer } from "@countertop/sync-protocol";
import { refusal, type PushPlan } from "../push-plan";
import { customersSharingContact, type CustomerContact } from "../push.repository";
import type { Raise } from "../raises";

const itemId = (customerId: string) => `duplicate_customer:${customerId}`;

/**
 * A customer whose email or phone another customer already has is flagged for the manager (not
 * rejected: a till created it offline, and only a person can tell two Anas apart).
 */
export function duplicateCustomers(written: readonly Customer[], sharing: readonly CustomerContact[]): Raise[] {
  const known = new Set(sharing.map((c) => c.id));
  return written.flatMap((customer, index): Raise[] => {
    const email = customer.email?.toLowerCase();
    const phone = customer.phone;
    // Those stored before, and those earlier in this push: the later of two duplicates is the one flagged.
    const earlier = written
      .slice(0, index)
      .filter((c) => !known.has(c.id) && !c._deleted)
      .map((c) => ({ id: c.id, email: c.email?.toLowerCase() ?? null, phone: c.phone ?? null }));
    const matches = [...sharing, ...earlier].filter(
      (other) => other.id !== customer.id && ((email && other.email === email) || (phone && other.phone === phone)),
    );
    if (matches.length === 0 || customer._deleted) return [];
    return [
      {
        id: itemId(customer.id),
        kind: "duplicate_customer",
        refId: customer.id,
        details: { matches: matches.map((m) => m.id), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      },
    ];
  });
}

/** Customers merge field by field (the conflict rule); one sharing an email or phone with another is raised. */
export const customersPlan: PushPlan<"customers"> = {
  collection: "customers",
  writers: {
    device: true,
    manager: true,
    shopper: ({ incoming }, io) =>
      io.actor.actorKind === "shopper" && io.actor.customerId === incoming.id
        ? undefined
        : refusal("A shopper may change only their own profile."),
  },
  prepare: (io, customers) => ({
    itemIds: customers.map((c) => itemId(c.id)),
    derive: async ({ written }) => {
      const emails = written.flatMap((c) => (c.email ? [c.email.toLowerCase()] : []));
      const phones = written.flatMap((c) => (c.phone ? [c.phone] : []));
      return { raises: duplicateCustomers(written, await customersSharingContact(io.trx, io.tenantId, emails, phones)) };
    },
  }),
};
