import type { Settings } from "@countertop/sync-protocol";
import { addressLine, shopLocation, todayLine } from "../shop/visit";

/** The home page's opening: the shop's name and line, today's hours and where it is — short, so products follow in the first screen. */
export function Hero({ settings }: { settings: Settings }) {
  const location = shopLocation(settings);
  const today = todayLine(location, settings.locale);
  const address = addressLine(location);
  return (
    <section className="hero-banner" aria-labelledby="shop-title">
      <h1 id="shop-title">{settings.shopName}</h1>
      {settings.theme.tagline && <p className="tagline">{settings.theme.tagline}</p>}
      {(today || address) && (
        <p className="visit-line">
          {today && <span>{today}</span>}
          {address && <span>{address}</span>}
        </p>
      )}
    </section>
  );
}
