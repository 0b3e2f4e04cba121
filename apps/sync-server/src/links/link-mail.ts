import type { Mail } from "../receipts/mail-transport";
import type { LinkPurpose } from "./link.service";

/**
 * The email that carries a link: a password reset (works for an hour) or an invitation (a week),
 * for a platform owner or, with `shop`, a manager of that shop.
 */
export function linkMail(input: {
  readonly purpose: LinkPurpose;
  readonly name: string;
  readonly url: string;
  readonly origin: string;
  readonly shop?: string;
}): Omit<Mail, "to"> {
  const where = input.shop ? `${input.shop} on Countertop` : "the Countertop platform";
  if (input.purpose === "reset") {
    return {
      subject: input.shop ? `Reset your password for ${input.shop}` : "Reset your Countertop platform password",
      text: [
        `Hello ${input.name},`,
        "",
        `Someone (we hope you) asked to reset your password for ${where}.`,
        "Open this link to choose a new one (it works once, for one hour):",
        input.url,
        "",
        "If it wasn't you, ignore this email: your password stays as it is.",
      ].join("\n"),
    };
  }
  return {
    subject: input.shop ? `You're invited to manage ${input.shop}` : "You're invited to run the Countertop platform",
    text: [
      `Hello ${input.name},`,
      "",
      `You have been invited to ${input.shop ? "manage" : "run"} ${where}.`,
      "Open this link to choose your password (it works once, for seven days):",
      input.url,
      "",
      input.shop
        ? `Then sign in on a till at ${input.origin}/pos/ to set it up.`
        : `Then sign in to the console at ${input.origin}/admin/.`,
    ].join("\n"),
  };
}
