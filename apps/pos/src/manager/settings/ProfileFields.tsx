import type { Settings } from "@countertop/sync-protocol";
import { shopFormat } from "@countertop/ui";
import { useState } from "react";
import { ProductImage } from "../catalog/ProductImage";
import { resizeImage } from "../catalog/resize-image";
import type { ManagerContext } from "../manager-context";
import { queueImage } from "../uploads";

const LOCALES = ["de-DE", "de-AT", "de-CH", "en-GB", "en-US", "en-IE", "fr-FR", "it-IT", "es-ES", "nl-NL", "pl-PL", "sv-SE", "da-DK"];
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });

/** A locale as a manager reads it: "German (Germany) · de-DE" (the tag alone if the browser has no name for it). */
function localeLabel(tag: string): string {
  try {
    const name = LANGUAGE_NAMES.of(tag);
    return name && name !== tag ? `${name} · ${tag}` : tag;
  } catch {
    return tag;
  }
}
const ZONES = [
  "Europe/Berlin",
  "Europe/Vienna",
  "Europe/Zurich",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "Europe/Rome",
  "Europe/Madrid",
  "Europe/Amsterdam",
  "Europe/Warsaw",
  "Europe/Stockholm",
  "Europe/Copenhagen",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
];
const CURRENCIES = ["EUR", "GBP", "CHF", "USD", "PLN", "SEK", "DKK"];

/** The shop's profile: name, address, contact, tax number, logo, brand colour, locale, time zone and currency. */
export function ProfileFields({
  context,
  draft,
  update,
}: {
  context: ManagerContext;
  draft: Settings;
  update: (patch: Partial<Settings>) => void;
}) {
  const [logoError, setLogoError] = useState<string>();
  const address = draft.address ?? { name: draft.shopName, line1: "", city: "", postalCode: "", country: "" };
  const setAddress = (patch: Partial<typeof address>) => update({ address: { ...address, ...patch, name: draft.shopName } });
  const example = shopFormat({ locale: draft.locale, currency: draft.currency, timeZone: draft.timeZone });
  const text = (key: "phone" | "email" | "taxNumber", value: string) => {
    const { [key]: _old, ...rest } = draft;
    update(value.trim() ? { ...rest, [key]: value } : (rest as Partial<Settings>));
  };
  const addLogo = async (file: File | undefined) => {
    if (!file) return;
    try {
      update({ theme: { ...draft.theme, logoUrl: await queueImage(context.local, context.till.tenantId, await resizeImage(file)) } });
      setLogoError(undefined);
    } catch (e) {
      setLogoError(e instanceof Error ? e.message : String(e));
    }
  };
  const options = (list: readonly string[], current: string | undefined) => [...new Set([...(current ? [current] : []), ...list])];
  return (
    <div className="settings-grid">
      <label>
        Shop name
        <input maxLength={200} value={draft.shopName} onChange={(e) => update({ shopName: e.target.value })} />
      </label>
      <label>
        Phone
        <input type="tel" value={draft.phone ?? ""} onChange={(e) => text("phone", e.target.value)} />
      </label>
      <label>
        Email
        <input type="email" value={draft.email ?? ""} onChange={(e) => text("email", e.target.value)} />
      </label>
      <label>
        Tax number (on invoices)
        <input value={draft.taxNumber ?? ""} onChange={(e) => text("taxNumber", e.target.value)} />
      </label>
      <label>
        Street
        <input value={address.line1} onChange={(e) => setAddress({ line1: e.target.value })} />
      </label>
      <label>
        Postal code
        <input value={address.postalCode} onChange={(e) => setAddress({ postalCode: e.target.value })} />
      </label>
      <label>
        City
        <input value={address.city} onChange={(e) => setAddress({ city: e.target.value })} />
      </label>
      <label>
        Country (two letters)
        <input maxLength={2} value={address.country} onChange={(e) => setAddress({ country: e.target.value.toUpperCase() })} />
      </label>
      <label>
        Language and formats
        <select value={draft.locale} onChange={(e) => update({ locale: e.target.value })}>
          {options(LOCALES, draft.locale).map((l) => (
            <option key={l} value={l}>
              {localeLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Time zone
        <select value={draft.timeZone ?? ""} onChange={(e) => update({ timeZone: e.target.value })}>
          {!draft.timeZone && <option value="">This device's</option>}
          {options(ZONES, draft.timeZone).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <label>
        Currency shown
        <select value={draft.currency} onChange={(e) => update({ currency: e.target.value })}>
          {options(CURRENCIES, draft.currency).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Brand colour
        <input
          type="color"
          value={draft.theme.primaryColor.length === 4 ? "#1f6f5c" : draft.theme.primaryColor}
          onChange={(e) => update({ theme: { ...draft.theme, primaryColor: e.target.value } })}
        />
      </label>
      <p className="muted small span-2" data-testid="format-example">
        Dates, times and amounts will read: {example.dateTime(new Date())} · {example.money(123456)}
      </p>
      <div className="row span-2">
        <ProductImage local={context.local} url={draft.theme.logoUrl} name="Logo" size={64} />
        <label className="file-button">
          {draft.theme.logoUrl ? "Change the logo" : "Add a logo"}
          <input type="file" accept="image/*" onChange={(e) => void addLogo(e.target.files?.[0])} />
        </label>
        {logoError && <span className="error small">{logoError}</span>}
      </div>
    </div>
  );
}
