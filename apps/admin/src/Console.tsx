import { Message } from "@countertop/ui";
import { api } from "./app/api";
import { Link } from "./app/Link";
import type { Route } from "./app/router";
import type { Session } from "./app/session";
import { AuditLog } from "./screens/AuditLog";
import { HealthScreen } from "./screens/HealthScreen";
import { NewShop } from "./screens/NewShop";
import { Overview } from "./screens/Overview";
import { Plans } from "./screens/Plans";
import { Shops } from "./screens/Shops";
import { ShopPage } from "./shops/ShopPage";

const NAV: readonly { to: string; label: string; pages: readonly Route["page"][] }[] = [
  { to: "/", label: "Overview", pages: ["overview"] },
  { to: "/shops", label: "Shops", pages: ["shops", "new-shop", "shop"] },
  { to: "/plans", label: "Plans & owners", pages: ["plans"] },
  { to: "/audit", label: "Audit log", pages: ["audit"] },
  { to: "/health", label: "Health", pages: ["health"] },
];

function screenOf(route: Route) {
  switch (route.page) {
    case "overview":
      return <Overview />;
    case "shops":
      return <Shops query={route.query} />;
    case "new-shop":
      return <NewShop />;
    case "shop":
      return <ShopPage key={route.id} id={route.id} />;
    case "plans":
      return <Plans />;
    case "audit":
      return <AuditLog query={route.query} />;
    case "health":
      return <HealthScreen />;
    default:
      return <Message title="There is no such page" text="Choose a page above." />;
  }
}

/**
 * The signed-in console: the bar with its navigation and the screen of the route. Loaded after
 * sign-in, so the sign-in screen carries none of it.
 */
export default function Console({ route, session, onSignOut }: { route: Route; session: Session; onSignOut: () => void }) {
  const signOut = () => {
    void api("POST", "/api/v1/auth/logout").catch(() => undefined);
    onSignOut();
  };
  return (
    <div className="shell">
      <header className="bar">
        <Link className="brand" to="/">
          Countertop Platform
        </Link>
        <nav className="nav" aria-label="Console">
          {NAV.map((item) => (
            <Link key={item.to} to={item.to} aria-current={item.pages.includes(route.page) ? "page" : undefined}>
              {item.label}
            </Link>
          ))}
          <a href="/api/v1/docs" target="_blank" rel="noreferrer">
            API reference
          </a>
        </nav>
        <span className="who">
          <span className="muted-on-brand">{session.email}</span>
          <button type="button" className="bar-button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main className="page">{screenOf(route)}</main>
    </div>
  );
}
