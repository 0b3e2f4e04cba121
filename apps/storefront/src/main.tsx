import { registerServiceWorker } from "@countertop/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { keepServedSearch } from "./shop/served-search";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
keepServedSearch(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// On a shop's own domain the shell is served at the root, and so is the service worker.
const base = document.querySelector('meta[name="countertop-shop"]') ? "/" : import.meta.env.BASE_URL;
registerServiceWorker(base, import.meta.env.PROD);
