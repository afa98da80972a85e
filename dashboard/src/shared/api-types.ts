// Generated from the API's OpenAPI document (/openapi/v1.json) by tests/OrderGrid.Tests/Operations/ApiTypeScript.cs;
// ApiTypesContractTests fails when this file differs. Rewrite it with
//   ORDERGRID_WRITE_API_TYPES=1 dotnet test tests/OrderGrid.Tests --filter FullyQualifiedName~ApiTypesContractTests
// after changing an API type (docs/api.md, "TypeScript types"). Do not edit by hand.

/** Accepting a restock suggestion; without a quantity the suggested one is ordered. */
export interface AcceptSuggestionRequest {
  quantity: number | null;
}

/** Who caused a change: shown on every timeline entry. */
export interface Actor {
  kind: ActorKind;
  name: string;
}

/** The kinds of party that change an order. */
export const actorKinds = ["System", "Customer", "Staff", "Rule", "Carrier"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** A postal address to deliver to. */
export interface Address {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
}

/** A delivery address as sent by the client. */
export interface AddressInput {
  name: string | null;
  line1: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  line2?: string | null;
}

/** A correction of on-hand stock (count, damage, loss); the reason is required. */
export interface AdjustStockRequest {
  delta: number | null;
  reason: string | null;
}

/** What the customer may do after the sale now (the tracking page's after-sales view); JSON names are kebab-case. */
export const afterSalesActions = ["request-return", "open-ticket", "rate"] as const;
export type AfterSalesAction = (typeof afterSalesActions)[number];

/** What after-sales staff have to do: returns to approve or receive, open tickets, and the ratings. */
export interface AfterSalesBoard {
  returns: ReturnView[];
  tickets: TicketView[];
  feedback: FeedbackSummary;
}

/** A rule applied to every order at placement. Rules run by int AutomationRule.Priority (lowest first), then by id; when all its RuleConditions AutomationRule.Conditions hold, its ImmutableArray<RuleAction> AutomationRule.Actions are decided in the order given. */
export interface AutomationRule {
  id: number;
  name: string;
  priority: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleAction[];
}

/** The configured carriers and the one a ship step without a carrier uses. */
export interface CarrierList {
  carriers: string[];
  default: string;
}

/** A product in a cart, at today's catalog price. */
export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  /** Units the cart's hold keeps for it now (at most Quantity). */
  held: number;
}

/** An online cart. */
export interface CartView {
  /** The cart's id: server-issued and unguessable, the capability that opens a guest's cart. */
  id: string;
  lines: CartLine[];
  total: number;
  /** When the stock held for the cart is released unless the cart changes or checks out; null when nothing is held. */
  heldUntil: string | null;
  /** The signed-in customer who owns the cart (only they or staff may use it); null for a guest's cart. */
  customerId: string | null;
}

/** One page of the catalog, ordered by SKU. */
export interface CatalogPage {
  items: Product[];
  page: number;
  pageSize: number;
  total: number;
}

/** The customer's stored email and/or phone; a field left out stays as it is. */
export interface ChangeContactsRequest {
  email: string | null;
  phone: string | null;
}

/** Turns the cart into an order; online checkout is the web or app channel. */
export interface CheckoutRequest {
  channel: SalesChannel | null;
  shipTo: AddressInput | null;
  email?: string | null;
  phone?: string | null;
}

/** A discount for one customer segment; DateTimeOffset? CreatePromotionRequest.ValidFrom left out means from now. */
export interface CreatePromotionRequest {
  name: string | null;
  segment: string | null;
  discountPercent: number | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** A subscription: the address events are posted to, and the event filters (e.g. `order.*`, `order.shipped`, `*`). */
export interface CreateWebhookRequest {
  url: string | null;
  events: string[] | null;
}

/** A new subscription with its signing secret: the only answer that ever shows the secret. */
export interface CreatedWebhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
  secret: string;
}

/** Enough of the delivery address to recognise it; street lines are left out of a link that may be shared. */
export interface CustomerAddress {
  name: string;
  city: string;
  postalCode: string;
  country: string;
}

/** What the tracking page shows of an order's after-sales: its returns, tickets and rating, and what the customer may do now. */
export interface CustomerAfterSales {
  returns: CustomerReturn[];
  tickets: TicketView[];
  feedback: FeedbackView;
  /** Ask for a return, open a ticket, rate the order: those allowed now. */
  allowedActions: AfterSalesAction[];
  /** What may still be sent back, SKU by SKU: the most a return of each may ask for now. */
  returnable: ReturnableLine[];
}

/** What a customer is offered beside their cart or order: products that go with it, and the promotions of their segment running now. */
export interface CustomerOffers {
  /** The customer's segment in the serving model; null when it does not know them, and for a guest. */
  segment: string | null;
  promotions: Promotion[];
  products: RecommendedProduct[];
}

/** A line of the customer's order: what was ordered and how much is reserved or still waiting for stock. */
export interface CustomerOrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  reservedQuantity: number;
  backorderedQuantity: number;
  /** While units wait for stock: the day the open purchase orders bring them (counting the customers ahead in the queue), or null when no purchase order brings enough yet ("no date yet"). Null too when nothing waits. */
  expectedBy: string | null;
}

/** Pushed to an order's followers: its whole view as of Version (newest timeline sequence). Pushed on /hubs/orders as `orderUpdated`, to holders of the order's tracking link. */
export interface CustomerOrderUpdate {
  orderId: string;
  version: number;
  order: CustomerOrderView;
}

/** What the holder of a tracking link sees: status, lines, parcels, timeline and notices — never contact details, street lines or staff names, since a link can be forwarded. */
export interface CustomerOrderView {
  id: string;
  status: OrderStatus;
  lines: CustomerOrderLine[];
  total: number;
  shipTo: CustomerAddress | null;
  shipments: CustomerShipment[];
  timeline: CustomerTimelineEntry[];
  notices: string[];
  placedAt: string;
  updatedAt: string;
  version: number;
  /** What the holder of the link may do now (from the order's transition table). */
  allowedActions: OrderAction[];
  /** The ISO 4217 code of the amounts (the catalog's currency, `OrderGrid:Catalog:Currency`). */
  currency: string;
  /** Refunds recorded on the order itself (units dropped when stock was short); returns show their own. */
  refunds: CustomerRefund[];
  /** The customer chose to wait for everything during the present shortage. */
  waitingByChoice: boolean;
  /** Click & collect: the name of the store where the customer collects (the warehouse's display name, never its id); null for a delivery, or when the store is no longer in the warehouse directory. */
  collectAt: string | null;
}

/** A refund recorded on the order, as its customer sees it (who recorded it is left out). */
export interface CustomerRefund {
  /** In the view's currency. */
  amount: number;
  reason: string;
  at: string;
}

/** A return as its customer sees it: no warehouses, no staff names and no staff steps (the customer takes none on a return; ops see them in ImmutableArray<ReturnAction> ReturnView.AllowedActions). */
export interface CustomerReturn {
  id: string;
  status: ReturnStatus;
  lines: CustomerReturnLine[];
  reason: string;
  requestedAt: string;
  updatedAt: string;
  declineReason: string | null;
  refundedAmount: number | null;
  replacementOrderId: string | null;
}

/** One returned product, as its customer sees it. */
export interface CustomerReturnLine {
  sku: string;
  name: string;
  quantity: number;
}

/** A signed-in customer: send `Authorization: Bearer {Token}` until DateTimeOffset CustomerSession.ExpiresAt. */
export interface CustomerSession {
  customerId: string;
  token: string;
  expiresAt: string;
}

/** A parcel of the order and where it is. */
export interface CustomerShipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  events: CustomerTrackingEvent[];
}

/** A timeline entry as the customer sees it: who is only a kind (staff names stay internal). */
export interface CustomerTimelineEntry {
  sequence: number;
  at: string;
  kind: string;
  description: string;
  actor: ActorKind;
  status: OrderStatus;
}

/** A carrier scan, without who recorded it. */
export interface CustomerTrackingEvent {
  status: ShipmentStatus;
  location: string | null;
  occurredAt: string;
}

/** A customer as the API answers it: their latest contact details and their orders' ids, oldest first — the newest 200, from the read model (it follows the orders within moments; none without PostgreSQL). */
export interface CustomerView {
  id: string;
  email: string | null;
  phone: string | null;
  orderIds: string[];
}

/** The body declining a return, with the reason the customer is told. */
export interface DeclineReturnRequest {
  reason: string | null;
}

/** Creates or updates a product. */
export interface DefineProductRequest {
  name: string | null;
  unitPrice: number | null;
}

/** Units sold on a day (cancellations taken off). */
export interface DemandPoint {
  day: string;
  quantity: number;
}

/** Whether the demo traffic simulator runs, at what pace, and how many orders it has placed since it woke. */
export interface DemoSimulation {
  enabled: boolean;
  ordersPerMinute: number;
  placed: number;
}

/** Switches the demo traffic simulator on or off, and optionally sets its pace. */
export interface DemoSimulationRequest {
  enabled: boolean | null;
  ordersPerMinute?: number | null;
}

/** A purchase order: stock ordered from a supplier, expected on a day. Sending the same id again orders once. */
export interface ExpectStockRequest {
  id: string | null;
  quantity: number | null;
  expectedOn: string | null;
}

/** A rating given by a customer, as the wall lists it. */
export interface FeedbackEntry {
  orderId: string;
  rating: number;
  comment: string | null;
  at: string;
}

/** The customer's rating (1–5) and optional comment. */
export interface FeedbackRequest {
  rating: number | null;
  comment: string | null;
}

/** Ratings so far: their average and count, and the latest comments, newest first. */
export interface FeedbackSummary {
  average: number;
  count: number;
  latest: FeedbackEntry[];
}

/** The customer's rating of an order: asked for from DueAt (some days after delivery). */
export interface FeedbackView {
  orderId: string;
  /** Null until the order is delivered. */
  dueAt: string | null;
  due: boolean;
  rating: number | null;
  comment: string | null;
  givenAt: string | null;
}

/** A forecast day: expected units and the prediction interval from double ForecastPoint.Low to double ForecastPoint.High. */
export interface ForecastPoint {
  day: string;
  quantity: number;
  low: number;
  high: number;
}

/** A SKU's recent daily demand and its forecast with the prediction interval, for one warehouse or all. */
export interface ForecastView {
  sku: string;
  name: string;
  /** Null: all warehouses. */
  warehouseId: string | null;
  /** The model version that made the forecast; null before the first training. */
  modelVersion: number | null;
  trainedAt: string | null;
  /** The share of days the interval is meant to hold (e.g. 0.8). */
  intervalCoverage: number;
  history: DemandPoint[];
  forecast: ForecastPoint[];
  /** For one warehouse with a model: the part of the SKU's figures shown and what it rests on. */
  share: WarehouseShare | null;
}

/** How an order is fulfilled; a pickup names the store warehouse where the customer collects it. */
export interface Fulfilment {
  kind: FulfilmentKind;
  warehouseId: string | null;
  isPickup: boolean;
}

/** How a placed order is fulfilled: `{"kind":"pickup","warehouseId":"STORE-1"}`; delivery when left out. */
export interface FulfilmentInput {
  kind: FulfilmentKind | null;
  warehouseId?: string | null;
  isPickup?: boolean;
}

/** How an order reaches its customer: a carrier delivers it, or the customer collects it at a store. */
export const fulfilmentKinds = ["Delivery", "Pickup"] as const;
export type FulfilmentKind = (typeof fulfilmentKinds)[number];

/** Why an order is held back. */
export const holdKinds = ["Review", "OutOfStock", "Address", "Payment"] as const;
export type HoldKind = (typeof holdKinds)[number];

export interface HttpValidationProblemDetails {
  type: string | null;
  title: string | null;
  status: number | null;
  detail: string | null;
  instance: string | null;
  errors: Record<string, string[]>;
}

/** One SKU's health in a warehouse; every figure is the warehouse's share of the SKU (see the forecast). */
export interface InventoryHealthRow {
  sku: string;
  name: string;
  onHand: number;
  /** On hand − reserved − backordered: what is left once every open order is served (negative when orders wait). */
  free: number;
  /** The forecast's mean units a day over its days (28 from today). */
  forecastPerDay: number;
  /** Units sold a day over the last int InventoryHealthView.SalesWindowDays days of history. */
  soldPerDay: number;
  /** Free stock / forecast per day; null ("no demand forecast") when the forecast holds less than one unit. */
  daysOfCover: number | null;
  /** Units sold in the last int InventoryHealthView.SalesWindowDays days / on hand now (= sold per day × window / on hand); null with nothing on hand. */
  turnover: number | null;
  lastSale: string | null;
  overstock: boolean;
  dead: boolean;
}

/** A warehouse's inventory health: every SKU's row, and the overstock and dead-stock lists drawn from them. */
export interface InventoryHealthView {
  warehouseId: string;
  modelVersion: number | null;
  overstockDays: number;
  deadStockDays: number;
  /** The days of sales history double InventoryHealthRow.SoldPerDay and double? InventoryHealthRow.Turnover count. */
  salesWindowDays: number;
  /** The median days of cover of the SKUs with a demand forecast; null when none has one. */
  medianDaysOfCover: number | null;
  /** SKUs with no demand forecast (less than one unit over the forecast): no days of cover, left out of the median. */
  withoutForecast: number;
  rows: InventoryHealthRow[];
  overstock: InventoryHealthRow[];
  deadStock: InventoryHealthRow[];
}

/** What one warehouse holds for one order line. */
export interface LineAllocationView {
  warehouseId: string;
  reserved: number;
  backordered: number;
}

/** The body of merging orders: the ids of 2 to 10 different orders. */
export interface MergeOrdersRequest {
  orderIds: string[] | null;
}

/** A merge as the warehouse sees it: one combined pick list for its orders (cancelled ones left out). */
export interface MergeView {
  id: string;
  customerId: string;
  warehouseId: string;
  orderIds: string[];
  lines: MergedLine[];
  /** The least advanced of the members' pick lists. */
  status: PickListStatus;
  /** The one label every member ships under, once shipped. */
  shipment: ShippingLabel | null;
  mergedAt: string;
  /** The step the whole merge may take now (`picked`, `packed` or `ship`): the one that moves its least advanced pick lists on, as the merge grain checks it; none once shipped or when every member was cancelled. */
  allowedActions: PickListAction[];
}

/** One SKU to pick for a merge: the units summed over its orders, with each order's share. */
export interface MergedLine {
  sku: string;
  name: string;
  quantity: number;
  orders: MergedLineShare[];
}

/** The units of a merged line that belong to one order's pick list. */
export interface MergedLineShare {
  orderId: string;
  pickListId: string;
  quantity: number;
}

/** Orders placed in the minute that starts at Minute. */
export interface MinuteCount {
  minute: string;
  count: number;
}

/** A model version scored on held-out days against simple baselines (the backtest's definitions, docs/planning.md): the totals a planner orders from (total WAPE, bias), the M5 RMSSE and, as information, the daily WAPE. Figures are null when the history was too short to hold days out. */
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

/** One stored model version: what it learned from and how it scored on the days it did not see. Pushed on /hubs/planning as `planningChanged`, to planners, when a new model version serves. */
export interface ModelVersionInfo {
  version: number;
  trainedAt: string;
  /** First day of the training window. */
  trainedFrom: string;
  /** The first day after the training window: forecasts start here. */
  trainedUntil: string;
  skus: number;
  customers: number;
  trainingSeconds: number;
  evaluation: ModelEvaluation;
}

/** The body of `POST /api/orders/{id}/modification` and `POST /api/review-queue/{id}/correction`: the order's complete new lines, a new ship-to address, or both (what is left out stays as it is). */
export interface ModifyOrderRequest {
  lines: OrderLineInput[] | null;
  shipTo: AddressInput | null;
}

/** How a notification reaches its reader. */
export const notificationChannels = ["Email", "Sms"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** A notification as staff see it in its outbox: what, to whom, and how sending went. */
export interface NotificationRecord {
  id: string;
  kind: string;
  channel: NotificationChannel;
  to: string;
  subject: string;
  status: NotificationStatus;
  /** Sending attempts so far; 0 while queued or when skipped. */
  attempts: number;
  /** Why the last attempt failed, or why it was skipped. */
  lastError: string | null;
  queuedAt: string;
  sentAt: string | null;
}

/** Where a notification stands in its outbox. */
export const notificationStatuses = ["Pending", "Sent", "Failed", "Skipped"] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** Something that may be done with a whole order now. The order's views carry the ones its transition table allows (ImmutableArray<OrderAction> OrderView.AllowedActions for staff, ImmutableArray<OrderAction> OrderView.CustomerActions for the holder of its tracking link), so pages render buttons from them and never guess. The JSON names are kebab-case and stable. */
export const orderActions = ["approve", "reject", "correct", "modify", "cancel", "issue-pick-lists", "split", "merge", "change-address", "change-quantities", "ship-available-now", "drop-missing-lines", "wait-for-stock"] as const;
export type OrderAction = (typeof orderActions)[number];

/** An order's after-sales as staff see it (the wall's order detail): its returns with their steps (ImmutableArray<ReturnAction> ReturnView.AllowedActions), its tickets, and what may be opened now. */
export interface OrderAfterSales {
  returns: ReturnView[];
  tickets: TicketView[];
  /** `request-return` (delivered, some shipped units not on another return) and `open-ticket`: the same check as the customer's, here for staff acting on the customer's behalf. `rate` is the customer's own. */
  allowedActions: AfterSalesAction[];
  /** One entry per ticket: what staff may do with it now (reply, resolve, close). */
  ticketActions: TicketSteps[];
  /** The ISO 4217 code of the order's amounts — refunds of returns and of the order itself — the catalog's currency (`OrderGrid:Catalog:Currency`), as the tracking page shows them. */
  currency: string;
}

/** A hold that sits beside the status, with its reason. */
export interface OrderHold {
  kind: HoldKind;
  reason: string;
  since: string;
}

/** One line as the client asks for it; the price always comes from the catalog. */
export interface OrderLineInput {
  sku: string | null;
  quantity: number | null;
}

/** A line of an order with how much of it is reserved and how much waits for stock. */
export interface OrderLineView {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  reservedQuantity: number;
  backorderedQuantity: number;
  allocations: LineAllocationView[];
}

/** One order in the order list, as the read model has it (it follows the order within moments). */
export interface OrderListItem {
  id: string;
  status: OrderStatus;
  channel: SalesChannel;
  customerId: string;
  email: string | null;
  shipToName: string | null;
  shipToCity: string | null;
  shipToCountry: string | null;
  total: number;
  lineCount: number;
  itemCount: number;
  warehouseIds: string[];
  skus: string[];
  holds: HoldKind[];
  placedAt: string;
  updatedAt: string;
  /** The order's version when the read model last wrote it; compare with the order's own. */
  version: number;
}

/** A page of the order list and how many orders match in all. */
export interface OrderListPage {
  items: OrderListItem[];
  page: number;
  pageSize: number;
  /** How many orders match, counted exactly up to int OrderSearch.CountLimit; beyond that it is the limit and TotalIsExact is false ("10,000+"): counting 850,000 matches would take a quarter of a second each time. */
  total: number;
  totalIsExact: boolean;
}

/** How urgently an order is handled; set by automation rules, normal unless one says otherwise. */
export const orderPriorities = ["Normal", "Express", "Vip"] as const;
export type OrderPriority = (typeof orderPriorities)[number];

/** Money owed back to the customer for units the order no longer sends (the customer dropped them when stock was short). */
export interface OrderRefund {
  /** Units dropped × the order's unit prices. */
  amount: number;
  /** Plain words, e.g. "2 × Paper Chain Kit: out of stock". */
  reason: string;
  at: string;
  by: Actor;
}

/** The order's place in its lifecycle (the API's words). */
export const orderStatuses = ["Placed", "AwaitingReview", "Reserved", "Backordered", "Processing", "PartiallyShipped", "Shipped", "InTransit", "OutForDelivery", "Delivered", "DeliveryException", "Completed", "Cancelled", "ReadyForPickup"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Everything staff see of an order. */
export interface OrderView {
  id: string;
  status: OrderStatus;
  trackingToken: string;
  channel: SalesChannel;
  customerId: string;
  email: string | null;
  phone: string | null;
  /** Null only for a pickup placed without an address. */
  shipTo: Address | null;
  lines: OrderLineView[];
  total: number;
  holds: OrderHold[];
  pickLists: PickList[];
  shipments: ShipmentLink[];
  timeline: TimelineEntry[];
  placedAt: string;
  updatedAt: string;
  /** The sequence of the newest timeline entry. */
  version: number;
  /** Set by automation rules; normal unless one says otherwise. */
  priority: OrderPriority;
  /** A rule asked for a signature on delivery. */
  signatureRequired: boolean;
  /** The staff member who entered the order (phone, email, store), null for a customer's own order. */
  enteredBy: Actor | null;
  fulfilment: Fulfilment | null;
  /** What staff may do with the whole order now (from its transition table). */
  allowedActions: OrderAction[];
  /** What the holder of the tracking link may do with the order now. */
  customerActions: OrderAction[];
  /** The moves each pick list may make now, one entry per pick list. */
  pickListActions: PickListActions[];
  /** The carrier events each shipment may take now, one entry per shipment. */
  shipmentActions: ShipmentActions[];
  /** The merge the order ships with (`GET /api/merges/{id}`: its steps), or null. */
  mergeId: string | null;
  /** Refunds recorded on the order itself (units dropped when stock was short); returns keep their own. */
  refunds: OrderRefund[];
}

/** What the operations wall shows at a glance. */
export interface OrderWallSummary {
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  placedLastMinute: number;
  placedLastHour: number;
  total: number;
}

/** The work for one warehouse on one order: picked, packed, then shipped as one shipment. */
export interface PickList {
  /** The order id followed by `-P` and a number, e.g. `OG-7K3M-2Q9F-P1`. */
  id: string;
  orderId: string;
  warehouseId: string;
  lines: PickListLine[];
  status: PickListStatus;
  shipmentId: string | null;
}

/** A move one pick list of an order may make now (staff); see ImmutableArray<PickListActions> OrderView.PickListActions. */
export const pickListActions = ["picked", "packed", "ship", "ready-for-pickup", "collected"] as const;
export type PickListAction = (typeof pickListActions)[number];

/** The moves the pick list PickListId may make now. */
export interface PickListActions {
  pickListId: string;
  allowedActions: PickListAction[];
}

/** What to pick: SKU, quantity and the bin when the warehouse knows it. */
export interface PickListLine {
  sku: string;
  name: string;
  quantity: number;
  location: string | null;
}

/** Progress of one pick list through the warehouse. */
export const pickListStatuses = ["Open", "Picked", "Packed", "Shipped"] as const;
export type PickListStatus = (typeof pickListStatuses)[number];

/** The body of `POST /api/orders`. The address may be left out of a pickup order. string? PlaceOrderRequest.CustomerId counts only with a staff key (required then) or a customer token (that customer's own); anonymous orders are guests' (see the endpoint). */
export interface PlaceOrderRequest {
  customerId: string | null;
  channel: SalesChannel | null;
  lines: OrderLineInput[] | null;
  shipTo: AddressInput | null;
  email?: string | null;
  phone?: string | null;
  fulfilment?: FulfilmentInput | null;
}

/** A new wave: at most this many pick lists (1–100; the configured default when left out). */
export interface PlanWaveRequest {
  maxPickLists: number | null;
}

export interface ProblemDetails {
  type: string | null;
  title: string | null;
  status: number | null;
  detail: string | null;
  instance: string | null;
}

/** A product that can be ordered, at its current price. */
export interface Product {
  sku: string;
  name: string;
  unitPrice: number;
}

/** A product found for order entry, with what each warehouse can give now. */
export interface ProductAvailability {
  sku: string;
  name: string;
  unitPrice: number;
  warehouses: WarehouseAvailability[];
}

/** A discount for the customers of one segment, valid from DateTimeOffset Promotion.ValidFrom until (not including) DateTimeOffset Promotion.ValidUntil. */
export interface Promotion {
  /** Unique, e.g. `PR-7K3M9Q2X`. */
  id: string;
  name: string;
  /** One of IReadOnlyList<string> SegmentNames.All. */
  segment: string;
  /** Above 0, at most 90. */
  discountPercent: number;
  validFrom: string;
  validUntil: string;
  createdAt: string;
  /** The name of the staff key that created it. */
  createdBy: string;
}

/** A purchase order of one SKU for one warehouse: what is coming, and how much of it has arrived. */
export interface PurchaseOrder {
  id: string;
  quantity: number;
  /** Units received against it so far; a delivery larger than expected counts in full. */
  received: number;
  expectedOn: string;
  orderedAt: string;
  orderedBy: Actor;
  /** Units still to come; the order is closed at zero. */
  outstanding: number;
}

/** An order waiting for staff (review) or for stock (backorder), oldest first. */
export interface QueuedOrder {
  orderId: string;
  status: OrderStatus;
  channel: SalesChannel;
  placedAt: string;
  since: string;
}

/** An open pick list in its warehouse's queue, with the order facts that decide its place. */
export interface QueuedPickList {
  pickListId: string;
  orderId: string;
  priority: OrderPriority;
  placedAt: string;
  lines: PickListLine[];
  /** The open wave it belongs to, null while no wave holds it. */
  waveId: string | null;
}

/** A body with the reason for rejecting or cancelling an order. */
export interface ReasonRequest {
  reason: string | null;
}

/** The body recording returned goods counted in, each line with its condition. */
export interface ReceiveReturnRequest {
  lines: ReturnLineInput[] | null;
}

/** Goods received into a warehouse, against an open purchase order when one is named. */
export interface ReceiveStockRequest {
  quantity: number | null;
  reason?: string | null;
  purchaseOrderId?: string | null;
}

/** A product offered to a customer, best first, with why in plain words (e.g. "often bought with Jumbo Bag Red Retrospot"). */
export interface RecommendedProduct {
  sku: string;
  name: string;
  unitPrice: number;
  score: number;
  reason: string;
}

/** A carrier event to record: `Shipped` is set by shipping the pick list, not reported afterwards. An `Exception` says what went wrong (Reason), which the order's timeline and its customer show. */
export interface RecordTrackingEventRequest {
  status: ShipmentStatus | null;
  location?: string | null;
  occurredAt?: string | null;
  reason?: string | null;
}

/** Money paid back for a return: received units at the order's unit prices. */
export interface Refund {
  amount: number;
  method: string;
  reference: string | null;
  at: string;
  by: Actor;
}

/** The body recording a refund: how it was paid (e.g. `card`, `store-credit`) and the payment reference. */
export interface RefundRequest {
  method: string | null;
  reference: string | null;
}

/** What to order for one warehouse and SKU now, and why: the forecast over the lead time, safety stock for the service level, the reorder point against the position (on hand − reserved − backordered + incoming). */
export interface RestockSuggestion {
  /** Names the warehouse, SKU, model version and day; accepting it orders once. */
  id: string;
  warehouseId: string;
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  /** Units open orders wait for here: demand already, covered before any forecast demand. */
  backordered: number;
  incoming: number;
  /** On hand − reserved − backordered + incoming: negative when orders wait for more than is there and coming. */
  position: number;
  leadTimeDays: number;
  serviceLevel: number;
  leadTimeDemand: number;
  safetyStock: number;
  reorderPoint: number;
  /** Forecast demand and safety stock over lead time plus review period: an order lifts the position to it. */
  orderUpTo: number;
  /** Units to order now (0: none due); 0 too once today's suggestion was ordered and covers the position. */
  suggestedQuantity: number;
  /** The first day the forecast demand exceeds free stock and what arrives by then; today when orders already wait; null when not within the forecast. */
  stockOutOn: string | null;
  /** Free stock (on hand − reserved − backordered) over the forecast's mean day; null when the forecast holds less than one unit. */
  daysOfCover: number | null;
  /** Days between an order placed today arriving and the stock-out: negative means it arrives too late. */
  slackDays: number;
  expectedOn: string;
  /** A RestockUrgency word: `late`, `order-now`, `watch` or `covered`. */
  urgency: string;
  modelVersion: number;
  /** The purchase order today's suggestion became when it was accepted (still open); null before. */
  purchaseOrderId: string | null;
  /** Units of that purchase order; 0 when none. */
  orderedQuantity: number;
}

/** A step ops may take with a return now (ImmutableArray<ReturnAction> ReturnView.AllowedActions); JSON names are kebab-case. */
export const returnActions = ["approve", "decline", "receive", "refund", "exchange"] as const;
export type ReturnAction = (typeof returnActions)[number];

export type ReturnCondition = "Resaleable" | "Damaged" | null;

/** One returned SKU: the price paid, the warehouse it was shipped from, and what came back. */
export interface ReturnLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  warehouseId: string;
  resaleable: number;
  damaged: number;
  received: number;
}

/** A line of a return or of received goods: SKU, units, and (on receipt) their condition. */
export interface ReturnLineInput {
  sku: string | null;
  quantity: number | null;
  condition?: ReturnCondition | null;
}

/** The body asking for a return: which units of the order go back, and why. */
export interface ReturnRequest {
  lines: ReturnLineInput[] | null;
  reason: string | null;
}

/** Where a return (RMA) stands. */
export const returnStatuses = ["Requested", "Approved", "Declined", "Received", "Refunded"] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/** A return (RMA) as staff and its customer see it. */
export interface ReturnView {
  /** E.g. `RMA-7K3M-2Q9F-1`: the order's id and the return's number on it. */
  id: string;
  orderId: string;
  status: ReturnStatus;
  lines: ReturnLine[];
  reason: string;
  requestedBy: Actor;
  requestedAt: string;
  updatedAt: string;
  declineReason: string | null;
  refund: Refund | null;
  /** The order placed for an exchange, when there is one. */
  replacementOrderId: string | null;
  /** The steps ops may take with the return now, from ReturnTransitions (worked out on reading, never stored). */
  allowedActions: ReturnAction[];
}

/** A SKU of a delivered order that may still be sent back: shipped or collected units less those on returns not declined. */
export interface ReturnableLine {
  sku: string;
  name: string;
  /** Above 0: a SKU with nothing left to return is not listed. */
  quantity: number;
}

/** An order waiting for staff review, with what a reviewer decides on. */
export interface ReviewQueueItem {
  id: string;
  customerId: string;
  channel: SalesChannel;
  total: number;
  holds: OrderHold[];
  placedAt: string;
}

/** What the caller's key may do with the rules: every staff key reads them, only an admin key changes them. */
export interface RuleAccess {
  /** True when the key may create, replace and delete rules. */
  canEdit: boolean;
}

/** One action of a rule: string? RuleAction.Reason goes with a hold, OrderPriority? RuleAction.Level with a priority, string? RuleAction.WarehouseId with a warehouse choice. */
export interface RuleAction {
  kind: RuleActionKind;
  reason: string | null;
  level: OrderPriority | null;
  warehouseId: string | null;
}

/** What a matching automation rule does to an order. */
export const ruleActionKinds = ["Hold", "AutoApprove", "Priority", "PreferWarehouse", "ExcludeWarehouse", "RequireSignature"] as const;
export type RuleActionKind = (typeof ruleActionKinds)[number];

/** When a rule matches: every condition given must hold; a condition left out (null or empty) matches any order. */
export interface RuleConditions {
  /** The order total is more than this (exclusive, as the review threshold always was). */
  minTotal: number | null;
  /** The order total is at most this. */
  maxTotal: number | null;
  /** The order came through one of these channels. */
  channels: SalesChannel[];
  /** The ship-to country is one of these (ISO 3166 two-letter codes). */
  countries: string[];
  /** Some line is for one of these SKUs. */
  skus: string[];
  /** Some line has at least this many units. */
  minQuantity: number | null;
  /** The customer is in one of these segments of the serving planning model. */
  segments: string[];
  /** True: the customer has no earlier order; false: they have one. */
  newCustomer: boolean | null;
}

/** What an admin writes to create or replace a rule; ImmutableDictionary<string, string[]> RuleDefinition.Problems(IReadOnlyCollection<string>? warehouses = null) says what is wrong with it. */
export interface RuleDefinition {
  name: string;
  priority: number;
  conditions: RuleConditions | null;
  actions: RuleAction[];
  enabled?: boolean;
}

/** Where an order came from. Every channel runs the same lifecycle. */
export const salesChannels = ["web", "app", "phone", "email", "store"] as const;
export type SalesChannel = (typeof salesChannels)[number];

/** One customer segment of the RFM k-means model, described by its members' means. */
export interface SegmentSummary {
  /** Stable, plain name such as `champions`; promotions target it. */
  name: string;
  description: string;
  customers: number;
  meanRecencyDays: number;
  meanOrders: number;
  meanSpend: number;
  shareOfRevenue: number;
}

/** The customer segments of the serving model version (empty before the first training). */
export interface SegmentsView {
  modelVersion: number | null;
  trainedAt: string | null;
  segments: SegmentSummary[];
}

/** The quantity of a product in the cart; 0 removes it. */
export interface SetCartQuantityRequest {
  quantity: number | null;
}

/** The optional body of shipping a pick list: the carrier, or the configured default when left out. */
export interface ShipPickListRequest {
  carrier?: string | null;
}

/** A carrier event one shipment of an order may take now (`POST /api/shipments/{id}/events`); see ImmutableArray<ShipmentActions> OrderView.ShipmentActions. */
export const shipmentActions = ["in-transit", "out-for-delivery", "delivered", "exception"] as const;
export type ShipmentAction = (typeof shipmentActions)[number];

/** The carrier events the shipment ShipmentId may take now. */
export interface ShipmentActions {
  shipmentId: string;
  allowedActions: ShipmentAction[];
}

/** The order's view of one of its shipments. */
export interface ShipmentLink {
  shipmentId: string;
  pickListId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  eventsFollowed: number;
}

/** Where a shipment is, as its carrier reports it. */
export const shipmentStatuses = ["Shipped", "InTransit", "OutForDelivery", "Delivered", "Exception"] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** A shipment with its delivery note lines and tracking events. */
export interface ShipmentView {
  id: string;
  orderId: string;
  warehouseId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  lines: PickListLine[];
  events: TrackingEvent[];
  shippedAt: string;
}

/** What shipping a packed pick list answers: the shipment and how to follow it. */
export interface ShippingLabel {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

/** The body of `POST /api/track/{id}/shortage`: the customer's choice when part of the order waits for stock, by its action's name: `wait-for-stock`, `ship-available-now` or `drop-missing-lines`. */
export interface ShortageChoiceRequest {
  choice: string | null;
  /** Only after FieldErrors ShortageChoiceRequest.Validate() found nothing. */
  action?: OrderAction;
}

/** Trades the emailed code for a customer token. */
export interface SignInCodeRequest {
  customerId: string | null;
  code: string | null;
}

/** The same answer whether or not a code went out, so that nobody learns an id's email this way. */
export interface SignInCodeSent {
  detail: string;
}

/** Asks for a sign-in code: the customer id and the email on file (a new id: the email to register). */
export interface SignInRequest {
  customerId: string | null;
  email: string | null;
}

/** Pushed to an order's followers: its whole view as of Version (newest timeline sequence). Pushed on /hubs/orders as `orderUpdated`, to staff following the order. */
export interface StaffOrderUpdate {
  orderId: string;
  version: number;
  order: OrderView;
}

/** Stock of one SKU in one warehouse. Always: `OnHand = Available + Reserved`. Pushed on /hubs/planning as `stockChanged`, to planners, the newest level of a changed stock. */
export interface StockLevel {
  warehouseId: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  /** Units that waiting orders still need here. */
  backordered: number;
  /** Grows with every change of this stock: a live client applies a pushed level only when it is newer. */
  version: number;
}

/** The purchase order an accepted restock suggestion became, and the stock it is now incoming to. */
export interface SuggestionAccepted {
  suggestionId: string;
  purchaseOrderId: string;
  warehouseId: string;
  sku: string;
  quantity: number;
  expectedOn: string;
  incoming: number;
}

/** What may be done with a ticket now: ImmutableArray<TicketAction> TicketView.AllowedActions for the customer and staff alike (reply), ImmutableArray<TicketAction> TicketView.StaffActions() for staff (reply, resolve, close). */
export const ticketActions = ["reply", "resolve", "close"] as const;
export type TicketAction = (typeof ticketActions)[number];

/** What a service ticket is about. */
export const ticketCategories = ["Damaged", "MissingItem", "Late", "WrongItem", "Billing", "Other"] as const;
export type TicketCategory = (typeof ticketCategories)[number];

/** One message on a ticket, from the customer or staff. */
export interface TicketMessage {
  number: number;
  from: Actor;
  text: string;
  at: string;
}

/** The body of a message on a ticket. */
export interface TicketMessageRequest {
  text: string | null;
}

/** The body opening a service ticket: what it is about and the first message. */
export interface TicketRequest {
  category: TicketCategory | null;
  message: string | null;
}

/** Where a service ticket stands; a closed ticket takes no more messages. */
export const ticketStatuses = ["Open", "WaitingOnCustomer", "Answered", "Resolved", "Closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** The body setting a ticket's status. */
export interface TicketStatusRequest {
  status: TicketStatus | null;
}

/** One ticket's steps for staff (ImmutableArray<TicketAction> TicketView.StaffActions()): reply, resolve, close. */
export interface TicketSteps {
  ticketId: string;
  allowedActions: TicketAction[];
}

/** A service ticket on an order, keyed e.g. `TK-7K3M-2Q9F-1`. */
export interface TicketView {
  id: string;
  orderId: string;
  category: TicketCategory;
  status: TicketStatus;
  messages: TicketMessage[];
  openedAt: string;
  updatedAt: string;
  /** What staff and the customer may do with the ticket now (worked out on reading, never stored). */
  allowedActions: TicketAction[];
}

/** One thing that happened to an order: what, when and who. */
export interface TimelineEntry {
  /** 1, 2, 3… per order; clients apply live updates in this order. */
  sequence: number;
  at: string;
  /** Stable event code, e.g. `order.reserved`. */
  kind: string;
  /** Plain words for staff (they may name warehouses, pick lists and rules). */
  description: string;
  actor: Actor;
  status: OrderStatus;
  /** The same news in the customer's words, when they differ: no warehouses, pick lists, rules or street lines, items counted as "2 items". Null when the description needs no change (the tracking view then shows it, or plain words for its kind). */
  customerDescription: string | null;
}

/** One scan or report of a carrier. */
export interface TrackingEvent {
  status: ShipmentStatus;
  location: string | null;
  occurredAt: string;
  recordedAt: string;
  by: Actor;
  /** What went wrong, for an exception (e.g. "Address not found"); null for other events. */
  reason: string | null;
}

/** Where training stands: the version serving now (null before the first), and a run in progress or its failure. */
export interface TrainingStatus {
  current: ModelVersionInfo | null;
  running: boolean;
  startedAt: string | null;
  lastError: string | null;
}

/** Something on the wall that needs a person: an order stuck past its status's time limit, a stock-out, a failed delivery. */
export interface WallAlert {
  /** `stuck`, `stockOut` or `deliveryException`. */
  kind: string;
  orderId: string | null;
  warehouseId: string | null;
  sku: string | null;
  status: OrderStatus | null;
  since: string;
  message: string;
}

/** One new timeline entry of a WallOrderEvent. */
export interface WallOrderEntry {
  sequence: number;
  at: string;
  kind: string;
  description: string;
  status: OrderStatus;
}

/** Pushed to the wall for every order change: the order at a glance and what just happened to it. Pushed on /hubs/wall as `orderEvent`, to the wall, for every order change. */
export interface WallOrderEvent {
  orderId: string;
  channel: SalesChannel;
  status: OrderStatus;
  version: number;
  total: number;
  placedAt: string;
  entries: WallOrderEntry[];
}

/** Everything the operations wall shows, as of Revision (grows with every change the wall hears of; a client applies a pushed snapshot only when its revision is greater than the one on screen). Pushed on /hubs/wall as `wallChanged`, to the wall, when its revision moved on. */
export interface WallSnapshot {
  revision: number;
  at: string;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  placedLastMinute: number;
  placedLastHour: number;
  total: number;
  ordersPerMinute: MinuteCount[];
  reviewQueue: QueuedOrder[];
  backorders: QueuedOrder[];
  alerts: WallAlert[];
  /** How many SKUs each warehouse is out of, all of them; Alerts lists the longest-standing few of each warehouse. */
  stockOuts: Record<string, number>;
  /** The ISO 4217 code of the amounts the wall shows (the catalog's, `OrderGrid:Catalog:Currency`). */
  currency: string;
}

/** A warehouse that ships orders. Lower priority numbers are tried first when sourcing. */
export interface Warehouse {
  id: string;
  name: string;
  priority: number;
}

/** Units of a product available (on hand, not reserved) in one warehouse. */
export interface WarehouseAvailability {
  warehouseId: string;
  warehouseName: string;
  available: number;
}

/** How much of a SKU's demand a warehouse's figures take, and what that rests on: imported history names no warehouse, so a warehouse's part is its share of the SKU's live sales over the last Days days, smoothed by one unit each, or an even split when there are none. */
export interface WarehouseShare {
  /** The part of every all-warehouse figure (history, forecast, interval) shown for the warehouse. */
  fraction: number;
  /** Units of the SKU this warehouse sold live in the window. */
  warehouseUnits: number;
  /** Units of the SKU every warehouse sold live in the window; 0 means an even split. */
  allUnits: number;
  /** The window's length in days, up to yesterday. */
  days: number;
  /** No live sale of the SKU in the window: every warehouse takes the same part. */
  evenSplit: boolean;
}

/** Stock of every product in one warehouse, lowest available first, for planners. */
export interface WarehouseStock {
  warehouseId: string;
  /** A row is low when its available units are at or below this. */
  lowStockThreshold: number;
  total: number;
  items: WarehouseStockRow[];
}

/** One product's stock in the warehouse. */
export interface WarehouseStockRow {
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  backordered: number;
  version: number;
  low: boolean;
}

/** The outcome for one pick list when its wave was marked picked. */
export interface WavePickOutcome {
  pickListId: string;
  orderId: string;
  result: WavePickResult;
  message: string | null;
}

/** What marking one pick list of a wave picked came to. */
export const wavePickResults = ["Picked", "AlreadyPicked", "Refused"] as const;
export type WavePickResult = (typeof wavePickResults)[number];

/** How many units of a wave stop go to one pick list (and its order). */
export interface WaveShare {
  pickListId: string;
  orderId: string;
  quantity: number;
}

/** Open while its goods are being picked; picked once every pick list was marked. */
export const waveStatuses = ["Open", "Picked"] as const;
export type WaveStatus = (typeof waveStatuses)[number];

/** One stop of a wave's pick path: a SKU with all its units, and how they are shared among the pick lists. */
export interface WaveStop {
  sku: string;
  name: string;
  location: string | null;
  quantity: number;
  shares: WaveShare[];
}

/** A wave: its pick lists in queue order, the combined pick path, and once picked the outcome per pick list. */
export interface WaveView {
  id: string;
  warehouseId: string;
  status: WaveStatus;
  createdAt: string;
  createdBy: Actor;
  pickLists: QueuedPickList[];
  pickPath: WaveStop[];
  outcomes: WavePickOutcome[];
  pickedAt: string | null;
}

/** One attempt to deliver an event. */
export interface WebhookDelivery {
  eventId: string;
  eventType: string;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's answer; null when none came (see Error). */
  statusCode: number | null;
  /** Without an answer: `refused` (the address is not one events may go to) or `failed` (no connection, no TLS, no answer in time — deliberately not told apart, so the log cannot map ports). */
  error: string | null;
  /** How long the receiver took to answer; 0 when no answer came. */
  durationMs: number;
  at: string;
  /** `delivered`, `retrying` or `failed` (gave up). */
  outcome: string;
}

/** A subscription as admins see it: never its secret. */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}
