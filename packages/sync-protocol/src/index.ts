/**
 * `@countertop/sync-protocol`: the zod schemas and types of every replicated document and wire
 * message of `/sync/v1`, shared by the apps and the sync server. Imports only zod.
 *
 * @example
 * import { collectionSchemas, pushRequestSchema } from "@countertop/sync-protocol";
 * const rows = pushRequestSchema(collectionSchemas.sales).parse(body);
 */

export {
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_DEPTH,
  findUnstorable,
  hasUnstorableText,
  replaceUnstorableDeep,
  replaceUnstorableText,
  storable,
} from "./storable.ts";
export { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, SUPPORTED_PROTOCOL_VERSIONS, isSupportedProtocolVersion } from "./protocol-version.ts";

export {
  basisPointsSchema,
  codeSchema,
  colorSchema,
  countrySchema,
  currencySchema,
  emailSchema,
  hasUniqueIds,
  idSchema,
  localeSchema,
  MAX_MONEY,
  MAX_QUANTITY,
  moneySchema,
  nameSchema,
  nonNegativeMoneySchema,
  nonNegativeQuantitySchema,
  noteSchema,
  paymentMethodSchema,
  percentBpSchema,
  phoneSchema,
  positiveQuantitySchema,
  quantitySchema,
  shippingKindSchema,
  staffRoleSchema,
  taxModeSchema,
  taxNumberSchema,
  timestampSchema,
  timeZoneSchema,
  urlSchema,
} from "./primitives.ts";
export type { PaymentMethod, ShippingKind, StaffRole, TaxMode } from "./primitives.ts";

export { collectionPushSchema, collectionSchemas } from "./collections.ts";
export type { CollectionDocument } from "./collections.ts";
export * from "./collection-names.ts";

export { replicatedDocumentSchema } from "./documents/replicated-document.ts";
export type { ReplicatedDocument } from "./documents/replicated-document.ts";
export { addressSchema } from "./documents/address.ts";
export type { Address } from "./documents/address.ts";
export { manualDiscountSchema } from "./documents/discount.ts";
export type { ManualDiscount } from "./documents/discount.ts";
export { MAX_LINES, saleLineSchema, saleLinesSchema } from "./documents/sale-line.ts";
export type { SaleLine } from "./documents/sale-line.ts";

export { productSchema, productStatusSchema, variantSchema } from "./documents/product.ts";
export type { Product, ProductStatus, Variant } from "./documents/product.ts";
export { categorySchema } from "./documents/category.ts";
export type { Category } from "./documents/category.ts";
export { saleApprovalSchema, saleKindSchema, salePaymentSchema, saleSchema } from "./documents/sale.ts";
export type { Sale, SaleApproval, SaleKind, SalePayment } from "./documents/sale.ts";
export {
  adjustReasonSchema,
  stockMovementReasonSchema,
  stockMovementSchema,
  transferLegSchema,
  transferOutcomeSchema,
} from "./documents/stock-movement.ts";
export type { AdjustReason, StockMovement, StockMovementReason, TransferLeg, TransferOutcome } from "./documents/stock-movement.ts";
export { stockLevelId, stockLevelSchema } from "./documents/stock-level.ts";
export type { StockLevel } from "./documents/stock-level.ts";
export { cashMovementSchema, denominationsSchema, shiftSchema, shiftStatusSchema } from "./documents/shift.ts";
export type { CashMovement, Denominations, Shift, ShiftStatus } from "./documents/shift.ts";
export { orderPaymentSchema, orderPaymentStatusSchema, orderSchema, orderShippingSchema, orderStatusSchema } from "./documents/order.ts";
export type { Order, OrderPayment, OrderShipping, OrderStatus } from "./documents/order.ts";
export { customerSchema } from "./documents/customer.ts";
export type { Customer } from "./documents/customer.ts";
export { staffSchema } from "./documents/staff.ts";
export type { Staff } from "./documents/staff.ts";
export {
  SETTINGS_ID,
  openingHoursSchema,
  registerSchema,
  settingsSchema,
  shippingOptionSchema,
  shopLocationSchema,
  taxRateSchema,
  themeSchema,
  timeOfDaySchema,
} from "./documents/settings.ts";
export type { OpeningHours, Register, Settings, ShippingOption, ShopLocation, TaxRate, Theme } from "./documents/settings.ts";
export { promotionKindSchema, promotionSchema } from "./documents/promotion.ts";
export type { Promotion, PromotionKind } from "./documents/promotion.ts";
export {
  reconciliationKindSchema,
  reconciliationSchema,
  resolutionActionSchema,
  resolutionEffectsSchema,
} from "./documents/reconciliation.ts";
export type { Reconciliation, ReconciliationKind, ResolutionAction, ResolutionEffects } from "./documents/reconciliation.ts";

export { DEFAULT_PULL_LIMIT, MAX_BODY_BYTES, MAX_PULL_LIMIT, MAX_PUSH_ROWS, STREAM_HEARTBEAT_MS } from "./wire/limits.ts";
export { checkpointSchema } from "./wire/checkpoint.ts";
export type { Checkpoint } from "./wire/checkpoint.ts";
export { pullQuerySchema } from "./wire/pull-query.ts";
export type { PullQuery } from "./wire/pull-query.ts";
export { loosePullResponseSchema, pullResponseSchema } from "./wire/pull-response.ts";
export type { PullResponse } from "./wire/pull-response.ts";
export { loosePushRequestSchema, pushRequestSchema, pushRowSchema } from "./wire/push-request.ts";
export type { PushRequest, PushRow } from "./wire/push-request.ts";
export {
  loosePushDetailResponseSchema,
  loosePushResponseSchema,
  pushDetailResponseSchema,
  pushResponseSchema,
  refusedRowSchema,
} from "./wire/push-response.ts";
export type { PushDetailResponse, PushResponse, RefusedRow } from "./wire/push-response.ts";
// The shop page's snapshot: its type, and the catalog rules the served page and the storefront share.
export * from "./wire/shop-snapshot.ts";
export { RESYNC, looseMultiStreamEventSchema, looseStreamEventSchema, streamEventSchema } from "./wire/stream-event.ts";
export type { MultiStreamEvent, StreamEvent } from "./wire/stream-event.ts";
export { ERROR_STATUS, ErrorCode, errorCodeSchema, errorResponseSchema } from "./wire/error-response.ts";
export type { ErrorResponse } from "./wire/error-response.ts";
export * from "./wire/headers.ts";
export { tombstoneFields, tombstoneOf } from "./tombstone.ts";
export { SALES_WINDOW_DAYS, salesWindowStart, WINDOWED_COLLECTIONS } from "./sales-window.ts";
export type { WindowedCollection } from "./sales-window.ts";
