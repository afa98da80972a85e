// The JSON shapes of the live API (docs/api.md, "Live hubs"); names and casing as the API sends them.

import type { EventKind } from "./event-kinds";

export const orderStatuses = [
  "Placed",
  "AwaitingReview",
  "Reserved",
  "Backordered",
  "Processing",
  "PartiallyShipped",
  "Shipped",
  "InTransit",
  "OutForDelivery",
  "Delivered",
  "DeliveryException",
  "Completed",
  "Cancelled",
  "ReadyForPickup",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const salesChannels = ["web", "app", "phone", "email", "store"] as const;
export type SalesChannel = (typeof salesChannels)[number];

export type ShipmentStatus = "Shipped" | "InTransit" | "OutForDelivery" | "Delivered" | "Exception";

// The actions the server says are legal now (grain-interfaces/Orders/*Action.cs; a test keeps these lists equal to the
// C# enums' JSON names). Pages offer exactly these and never work them out from the status.

export const orderActions = [
  "approve",
  "reject",
  "correct",
  "modify",
  "cancel",
  "issue-pick-lists",
  "split",
  "merge",
  "change-address",
  "change-quantities",
  "ship-available-now",
  "drop-missing-lines",
  "wait-for-stock",
] as const;
export type OrderAction = (typeof orderActions)[number];

export const pickListActions = ["picked", "packed", "ship", "ready-for-pickup", "collected"] as const;
export type PickListAction = (typeof pickListActions)[number];

export const shipmentActions = ["in-transit", "out-for-delivery", "delivered", "exception"] as const;
export type ShipmentAction = (typeof shipmentActions)[number];

/** The customer's after-sales steps (`GET /api/track/{id}/after-sales` → `allowedActions`). */
export const afterSalesActions = ["request-return", "open-ticket", "rate"] as const;
export type AfterSalesAction = (typeof afterSalesActions)[number];

/** Ops' steps on one return (`ReturnView.allowedActions`). */
export const returnActions = ["approve", "decline", "receive", "refund", "exchange"] as const;
export type ReturnAction = (typeof returnActions)[number];

/** What may be done with a ticket: `reply` for staff and customer (`TicketView.allowedActions`); `resolve` and `close`
 * are staff's (`OrderAfterSales.ticketActions`). */
export const ticketActions = ["reply", "resolve", "close"] as const;
export type TicketAction = (typeof ticketActions)[number];
export type ActorKind = "System" | "Customer" | "Staff" | "Rule" | "Carrier";

export interface CustomerOrderView {
  id: string;
  status: OrderStatus;
  lines: CustomerOrderLine[];
  total: number;
  shipTo: { name: string; city: string; postalCode: string; country: string } | null;
  shipments: CustomerShipment[];
  timeline: CustomerTimelineEntry[];
  notices: string[];
  placedAt: string;
  updatedAt: string;
  version: number;
  /** What the holder of the tracking link may do now. */
  allowedActions: OrderAction[];
  /** ISO 4217 code of every amount of the order (the catalog's currency). */
  currency: string;
  /** Refunds recorded on the order itself (units dropped when stock was short). */
  refunds: { amount: number; reason: string; at: string }[];
  /** The customer chose to wait for everything during the present shortage. */
  waitingByChoice: boolean;
  /** Click & collect: the name of the store where the customer collects; null for a delivery. */
  collectAt: string | null;
}

export interface CustomerOrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  reservedQuantity: number;
  backorderedQuantity: number;
  /** While units wait: the day ("yyyy-MM-dd") open purchase orders bring them; null when there is no date yet. */
  expectedBy: string | null;
}

export interface CustomerShipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  events: { status: ShipmentStatus; location: string | null; occurredAt: string }[];
}

export interface CustomerTimelineEntry {
  sequence: number;
  at: string;
  kind: EventKind;
  description: string;
  actor: ActorKind;
  status: OrderStatus;
}

export interface OrderView {
  id: string;
  status: OrderStatus;
  trackingToken: string;
  channel: SalesChannel;
  customerId: string;
  email: string | null;
  phone: string | null;
  shipTo: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    postalCode: string;
    country: string;
  } | null;
  /** The staff member who entered the order for the customer; null for the customer's own order. */
  enteredBy: { kind: ActorKind; name: string } | null;
  fulfilment: { kind: "Delivery" | "Pickup"; warehouseId: string | null } | null;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
    reservedQuantity: number;
    backorderedQuantity: number;
  }[];
  total: number;
  holds: { kind: string; reason: string; since: string }[];
  pickLists: { id: string; warehouseId: string; status: string; shipmentId: string | null }[];
  shipments: {
    shipmentId: string;
    pickListId: string;
    carrier: string;
    trackingNumber: string;
    status: ShipmentStatus;
  }[];
  timeline: {
    sequence: number;
    at: string;
    kind: EventKind;
    description: string;
    actor: { kind: ActorKind; name: string };
    status: OrderStatus;
  }[];
  placedAt: string;
  updatedAt: string;
  version: number;
  /** What staff may do with the whole order now. */
  allowedActions: OrderAction[];
  /** What the customer (the tracking link) may do now. */
  customerActions: OrderAction[];
  /** One entry per pick list: the moves it may make now. */
  pickListActions: { pickListId: string; allowedActions: PickListAction[] }[];
  /** One entry per shipment: the carrier events it may take now. */
  shipmentActions: { shipmentId: string; allowedActions: ShipmentAction[] }[];
  /** The merge the order ships with, or null. */
  mergeId: string | null;
  /** Refunds recorded on the order itself (units the customer dropped when stock was short); returns keep their own. */
  refunds: { amount: number; reason: string; at: string; by: { kind: ActorKind; name: string } }[];
}

/** `GET /api/merges/{id}`: one combined pick list for the merged orders. */
export interface MergeView {
  id: string;
  customerId: string;
  warehouseId: string;
  orderIds: string[];
  lines: {
    sku: string;
    name: string;
    quantity: number;
    orders: { orderId: string; pickListId: string; quantity: number }[];
  }[];
  status: string;
  shipment: ShippingLabel | null;
  /** The step the whole merge may take now: picked, packed or ship. */
  allowedActions: PickListAction[];
}

export interface OrderUpdated<TOrder> {
  orderId: string;
  version: number;
  order: TOrder;
}

export interface QueuedOrder {
  orderId: string;
  status: OrderStatus;
  channel: SalesChannel;
  placedAt: string;
  since: string;
}

export type AlertKind = "stuck" | "stockOut" | "deliveryException";

export interface WallAlert {
  kind: AlertKind;
  orderId: string | null;
  warehouseId: string | null;
  sku: string | null;
  status: string | null;
  since: string;
  message: string;
}

export interface WallSnapshot {
  revision: number;
  at: string;
  byStatus: Partial<Record<OrderStatus, number>>;
  byChannel: Partial<Record<SalesChannel, number>>;
  placedLastMinute: number;
  placedLastHour: number;
  total: number;
  ordersPerMinute: { minute: string; count: number }[];
  reviewQueue: QueuedOrder[];
  backorders: QueuedOrder[];
  alerts: WallAlert[];
}

export interface OrderEvent {
  orderId: string;
  channel: SalesChannel;
  status: OrderStatus;
  version: number;
  total: number;
  placedAt: string;
  entries: { sequence: number; at: string; kind: EventKind; description: string; status: OrderStatus }[];
}

export interface Simulation {
  enabled: boolean;
  ordersPerMinute: number;
  placed: number;
}

export interface Warehouse {
  id: string;
  name: string;
  priority: number;
}

export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  backordered: number;
}

export interface StockItem extends StockFigures {
  sku: string;
  name: string;
  version: number;
  low: boolean;
}

export interface WarehouseStock {
  warehouseId: string;
  lowStockThreshold: number;
  items: StockItem[];
}

export interface StockChanged extends StockFigures {
  warehouseId: string;
  sku: string;
  version: number;
}

// The planning API (docs/api.md, "Planning"). Days are "yyyy-MM-dd"; instants are ISO 8601.

export interface DemandPoint {
  day: string;
  quantity: number;
}

export interface ForecastPoint {
  day: string;
  quantity: number;
  low: number;
  high: number;
}

export interface ForecastView {
  sku: string;
  name: string;
  warehouseId: string | null;
  modelVersion: number | null;
  trainedAt: string | null;
  intervalCoverage: number;
  history: DemandPoint[];
  forecast: ForecastPoint[];
}

export interface ModelEvaluation {
  cutoff: string | null;
  horizonDays: number;
  modelWape: number | null;
  seasonalNaiveWape: number | null;
  movingAverageWape: number | null;
  intervalCoverage: number | null;
  recommendationCustomers: number;
  modelRecallAt10: number | null;
  buyAgainRecallAt10: number | null;
  popularityRecallAt10: number | null;
  modelNewItemHitAt10: number | null;
  popularityNewItemHitAt10: number | null;
  modelTotalWape: number | null;
  movingAverageTotalWape: number | null;
  seasonalNaiveTotalWape: number | null;
  modelBias: number | null;
  movingAverageBias: number | null;
  modelRmsse: number | null;
  movingAverageRmsse: number | null;
}

export interface ModelVersionInfo {
  version: number;
  trainedAt: string;
  trainedFrom: string;
  trainedUntil: string;
  skus: number;
  customers: number;
  trainingSeconds: number;
  evaluation: ModelEvaluation;
}

export interface TrainingStatus {
  current: ModelVersionInfo | null;
  running: boolean;
  startedAt: string | null;
  lastError: string | null;
}

export type RestockUrgency = "late" | "order-now" | "watch" | "covered";

export interface RestockSuggestion {
  id: string;
  warehouseId: string;
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  backordered: number;
  incoming: number;
  /** On hand − reserved − backordered + incoming. */
  position: number;
  leadTimeDays: number;
  serviceLevel: number;
  leadTimeDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  suggestedQuantity: number;
  stockOutOn: string | null;
  daysOfCover: number | null;
  slackDays: number;
  expectedOn: string;
  urgency: RestockUrgency;
  modelVersion: number;
  /** The purchase order today's suggestion became; null until accepted. */
  purchaseOrderId: string | null;
  orderedQuantity: number;
}

export interface SuggestionAccepted {
  suggestionId: string;
  purchaseOrderId: string;
  warehouseId: string;
  sku: string;
  quantity: number;
  expectedOn: string;
  incoming: number;
}

export interface InventoryHealthRow {
  sku: string;
  name: string;
  onHand: number;
  /** On hand − reserved − backordered. */
  free: number;
  /** The forecast's mean units a day (28 days ahead). */
  forecastPerDay: number;
  /** Units sold a day over the view's salesWindowDays. */
  soldPerDay: number;
  /** Free / forecastPerDay; null: no demand forecast (less than one unit in 28 days). */
  daysOfCover: number | null;
  /** Units sold in salesWindowDays / on hand. */
  turnover: number | null;
  lastSale: string | null;
  overstock: boolean;
  dead: boolean;
}

export interface InventoryHealthView {
  warehouseId: string;
  modelVersion: number | null;
  overstockDays: number;
  deadStockDays: number;
  salesWindowDays: number;
  medianDaysOfCover: number | null;
  withoutForecast: number;
  rows: InventoryHealthRow[];
  overstock: InventoryHealthRow[];
  deadStock: InventoryHealthRow[];
}

export interface SegmentSummary {
  name: string;
  description: string;
  customers: number;
  meanRecencyDays: number;
  meanOrders: number;
  meanSpend: number;
  shareOfRevenue: number;
}

export interface SegmentsView {
  modelVersion: number | null;
  trainedAt: string | null;
  segments: SegmentSummary[];
}

export interface Product {
  sku: string;
  name: string;
  unitPrice: number;
}

export interface CatalogPage {
  items: Product[];
  page: number;
  pageSize: number;
  total: number;
}

export interface RecommendedProduct {
  sku: string;
  name: string;
  unitPrice: number;
  score: number;
  reason: string;
}

export interface Promotion {
  id: string;
  name: string;
  segment: string;
  discountPercent: number;
  validFrom: string;
  validUntil: string;
  createdAt: string;
  createdBy: string;
}

/** What a customer is offered with an order or a cart: their segment's active promotions and products that go with it. */
export interface CustomerOffers {
  segment: string | null;
  promotions: Promotion[];
  products: RecommendedProduct[];
}

// Operations: fulfilment, returns, the pick-list queue and search (docs/api.md).

/** `GET /api/carriers`: the carriers a pick list may ship with; `default` is used when none is named. */
export interface CarrierList {
  carriers: string[];
  default: string;
}

/** `POST /api/pick-lists/{id}/ship`. */
export interface ShippingLabel {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

export type ReturnStatus = "Requested" | "Approved" | "Declined" | "Received" | "Refunded";
export type ReturnCondition = "Resaleable" | "Damaged";

export interface ReturnView {
  id: string;
  orderId: string;
  status: ReturnStatus;
  lines: {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    warehouseId: string;
    resaleable: number;
    damaged: number;
  }[];
  reason: string;
  requestedBy: { kind: ActorKind; name: string };
  requestedAt: string;
  updatedAt: string;
  declineReason: string | null;
  refund: { amount: number; method: string; reference: string | null; at: string } | null;
  replacementOrderId: string | null;
  /** The steps ops may take now (the server's `ReturnTransitions`). */
  allowedActions: ReturnAction[];
}

export interface TicketView {
  id: string;
  orderId: string;
  category: string;
  status: string;
  messages: { number: number; from: { kind: ActorKind; name: string }; text: string; at: string }[];
  openedAt: string;
  updatedAt: string;
}

/** `GET /api/orders/{id}/after-sales` (staff). */
export interface OrderAfterSales {
  returns: ReturnView[];
  tickets: TicketView[];
  /** `request-return` and `open-ticket` when allowed now. */
  allowedActions: AfterSalesAction[];
  /** One entry per ticket: what staff may do with it now. */
  ticketActions: { ticketId: string; allowedActions: TicketAction[] }[];
  /** ISO 4217 code of the order's amounts (the catalog's currency). */
  currency: string;
}

export type OrderPriority = "Normal" | "Express" | "Vip";

export interface PickListLine {
  sku: string;
  name: string;
  quantity: number;
  location: string | null;
}

/** `GET /api/warehouses/{wh}/pick-lists`: most urgent first (VIP, express, normal), then the oldest order. */
export interface QueuedPickList {
  pickListId: string;
  orderId: string;
  priority: OrderPriority;
  placedAt: string;
  lines: PickListLine[];
  waveId: string | null;
}

export interface WaveView {
  id: string;
  warehouseId: string;
  status: "Open" | "Picked";
  createdAt: string;
  pickLists: QueuedPickList[];
  pickPath: { sku: string; name: string; location: string | null; quantity: number }[];
  outcomes: {
    pickListId: string;
    orderId: string;
    result: "Picked" | "AlreadyPicked" | "Refused";
    message: string | null;
  }[];
  pickedAt: string | null;
}

/** One order of `GET /api/orders` (the read model's search). */
export interface OrderListItem {
  id: string;
  status: OrderStatus;
  channel: SalesChannel;
  customerId: string;
  email: string | null;
  shipToName: string | null;
  shipToCity: string | null;
  total: number;
  itemCount: number;
  placedAt: string;
}

export interface OrderListPage {
  items: OrderListItem[];
  total: number;
  totalIsExact: boolean;
}
