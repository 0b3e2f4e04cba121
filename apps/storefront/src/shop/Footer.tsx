import type { Settings } from "@countertop/sync-protocol";
import { OpeningHours } from "./OpeningHours";
import { Link } from "./router";
import { addressLine, shopLocation, weekLines } from "./visit";

/** Every page ends with where and when to find the shop, and the way to the account and cart. */
export function Footer({ settings }: { settings: Settings }) {
  const location = shopLocation(settings);
  const address = addressLine(location);
  const hours = weekLines(location, settings.locale);
  return (
    <footer className="site-footer">
      <div className="footer-grid">
        <section aria-labelledby="footer-visit">
          <h2 id="footer-visit">Visit us</h2>
          <address>
            {settings.shopName}
            {address && (
              <>
                <br />
                {address}
              </>
            )}
          </address>
        </section>
        {hours.length > 0 && (
          <section aria-labelledby="footer-hours">
            <h2 id="footer-hours">Opening hours</h2>
            <OpeningHours lines={hours} />
          </section>
        )}
        <nav aria-label="Shop">
          <h2>Shop</h2>
          <ul>
            <li>
              <Link to="/">All products</Link>
            </li>
            <li>
              <Link to="/cart">Your cart</Link>
            </li>
            <li>
              <Link to="/account">Your account and orders</Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="footer-note">
        © {new Date().getFullYear()} {settings.shopName} · Shop online, pick up in store
      </p>
    </footer>
  );
}
