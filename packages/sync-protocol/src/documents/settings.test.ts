import { describe, expect, it } from "vitest";
import { examples } from "../testing/examples.ts";
import { withField, without } from "../testing/mutate.ts";
import { SETTINGS_ID, settingsSchema } from "./settings.ts";

const settings = examples.settings;

describe("settingsSchema", () => {
  it(`is the one document with id "${SETTINGS_ID}"`, () => {
    expect(settingsSchema.safeParse({ ...settings, id: "shop-2" }).success).toBe(false);
  });

  it.each([
    "shopName",
    "currency",
    "locale",
    "taxMode",
    "taxRates",
    "defaultTaxRateId",
    "locations",
    "registers",
    "paymentMethods",
    "cashRounding",
    "shippingOptions",
    "theme",
    "discountApprovalThresholdBp",
    "updatedAt",
  ])("rejects settings without %s", (key) => {
    expect(settingsSchema.safeParse(without(settings, [key])).success).toBe(false);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["a fractional tax rate", ["taxRates", 0, "rate"], 19.6],
    ["a negative tax rate", ["taxRates", 0, "rate"], -1],
    ["a register code with spaces", ["registers", 0, "code"], "till one"],
    ["a register without location", ["registers", 0, "locationId"], undefined],
    ["no payment methods", ["paymentMethods"], []],
    ["an unknown payment method", ["paymentMethods"], ["cash", "cheque"]],
    ["a negative cash rounding", ["cashRounding"], -5],
    ["a fractional shipping amount", ["shippingOptions", 0, "amount"], 4.9],
    ["an unknown shipping kind", ["shippingOptions", 0, "kind"], "express"],
    ["a theme colour that is not hex", ["theme", "primaryColor"], "blue"],
    ["an approval threshold over 100 %", ["discountApprovalThresholdBp"], 10_001],
    ["a malformed locale", ["locale"], "french"],
    ["a time zone browsers don't know", ["timeZone"], "Europe/Atlantis"],
    ["a time zone that is not a name", ["timeZone"], "+02:00"],
  ])("rejects %s", (_label, path, value) => {
    expect(settingsSchema.safeParse(withField(settings, path, value)).success).toBe(false);
  });

  it.each(["Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kathmandu"])("accepts the time zone %s", (zone) => {
    expect(settingsSchema.safeParse({ ...settings, timeZone: zone }).success).toBe(true);
  });
});
