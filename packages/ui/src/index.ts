/**
 * @countertop/ui — the React pieces the POS, the storefront and the admin share: alert, message and
 * dialog components, the online and observable hooks, money formatting, service-worker registration.
 * Design tokens and base styles are CSS: `@countertop/ui/tokens.css` and `@countertop/ui/base.css`.
 */
export { Alert } from "./Alert.tsx";
export { amountText, decimalSeparator, decimalsOf, parseAmount, parsePercent, percentText } from "./decimal.ts";
export { DateField, DateRangeFields, readDateField } from "./DateField.tsx";
export { formatShopDate, parseShopDate, shopFormat, type ShopFormat, type ShopLocale } from "./locale.ts";
export { Dialog, type DialogLayout } from "./Dialog.tsx";
export { initialsOf } from "./initials.ts";
export { Message } from "./Message.tsx";
export { moneyFormatter } from "./money.ts";
export { registerServiceWorker } from "./service-worker.ts";
export { recheckOnline, useOnline } from "./use-online.ts";
export { plain, useDocument, useDocuments, useObservable, type JsonDocument } from "./use-observable.ts";
export { useShopStanding, type ShopStanding, type StandingSource } from "./use-shop-standing.ts";
