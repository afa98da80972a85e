// The customer's tracking page, /track/{orderId}?token=…: the order's progress, parcels, timeline and notices, kept live
// through /hubs/orders; what the customer may do with it (cancel, change, choose what happens when stock is short,
// returns and help) as the server allows it now; below it, a "You may also like" strip of offers for this customer.
// The page is built once into stable sections and each live update refreshes them in place, so a form being filled
// in keeps its text and focus.

import "./styles/base.css";
import "./styles/track.css";

import type { HubConnection } from "@microsoft/signalr";

import { ApiError, getJson } from "./shared/api";
import { el, required, showMessage } from "./shared/dom";
import { formatDateTime, formatDayOf, orderStatusLabel, shipmentStatusLabel } from "./shared/format";
import { LiveLink } from "./shared/hub";
import { AfterSales } from "./track/after-sales";
import { SelfService, type PageLink } from "./track/self-service";
import { Shortage } from "./track/shortage";
import { formatMoney, items } from "./track/words";
import type {
  CustomerOffers,
  CustomerOrderView,
  CustomerShipment,
  OrderStatus,
  CustomerOrderUpdate,
  Promotion,
  ShipmentStatus,
} from "./shared/api-types";

type StepKey =
  "placed" | "confirmed" | "reserved" | "processing" | "shipped" | "in-transit" | "out-for-delivery" | "delivered";

const steps: { key: StepKey; label: string }[] = [
  { key: "placed", label: "Placed" },
  { key: "confirmed", label: "Confirmed" },
  { key: "reserved", label: "Reserved" },
  { key: "processing", label: "Processing" },
  { key: "shipped", label: "Shipped" },
  { key: "in-transit", label: "In transit" },
  { key: "out-for-delivery", label: "Out for delivery" },
  { key: "delivered", label: "Delivered" },
];

/** The step each status has reached; DeliveryException and Cancelled are placed from the parcels and the timeline. */
const reachedStep: Partial<Record<OrderStatus, number>> = {
  AwaitingReview: 0,
  Placed: 1,
  Reserved: 2,
  Backordered: 2,
  Processing: 3,
  PartiallyShipped: 4,
  Shipped: 4,
  InTransit: 5,
  OutForDelivery: 6,
  Delivered: 7,
  Completed: 7,
};

const shipmentStep: Record<ShipmentStatus, number> = {
  Shipped: 4,
  InTransit: 5,
  OutForDelivery: 6,
  Delivered: 7,
  Exception: 4,
};

const orderId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() ?? "");
const token = new URLSearchParams(location.search).get("token");

const orderArea = required("#order");
const notFoundArea = required("[data-testid=not-found]");
const errorArea = required("#error");
const loading = required("#loading");
const offersArea = required("[data-testid=recommendations]");

/** How many products the strip offers. */
const offeredProducts = 4;

let shown: CustomerOrderView | null = null;
let missing = false;
let offersRead = false;

const link: PageLink = {
  orderId,
  token: token ?? "",
  show: (order) => {
    if (order.version >= (shown?.version ?? 0)) {
      render(order);
    }
  },
  busy: { value: false },
};
const selfService = new SelfService(link);
const shortage = new Shortage(link);
const afterSales = new AfterSales(required("[data-testid=after-sales]"), token ?? "");
const sections = {
  head: el("div", { class: "order-head" }),
  progress: el("div"),
  notices: el("div"),
  shipments: el("div"),
  lines: el("div"),
  refunds: el("div"),
  shipTo: el("div"),
  timeline: el("div"),
};
orderArea.replaceChildren(
  sections.head,
  sections.progress,
  sections.notices,
  shortage.element,
  selfService.element,
  sections.shipments,
  sections.lines,
  sections.refunds,
  sections.shipTo,
  sections.timeline,
);

const live = new LiveLink({ url: "/hubs/orders", indicator: required("[data-testid=live-state]"), resync });
live.on<CustomerOrderUpdate>("orderUpdated", (update) => {
  if (update.orderId === orderId && update.version > (shown?.version ?? 0)) {
    render(update.order);
  }
});

if (!orderId || !token) {
  showNotFound();
} else {
  document.title = `Order ${orderId} · OrderGrid`;
  void refresh();
  live.start();
}

async function resync(connection: HubConnection): Promise<void> {
  try {
    await connection.invoke("Follow", orderId, token);
  } catch (error) {
    if (error instanceof Error && /order not found/i.test(error.message)) {
      showNotFound();
      return;
    }
    throw error;
  }
  await refresh();
}

async function refresh(): Promise<void> {
  try {
    const order = await getJson<CustomerOrderView>(
      `/api/track/${encodeURIComponent(orderId)}?token=${encodeURIComponent(token ?? "")}`,
    );
    if (!missing && order.version >= (shown?.version ?? 0)) {
      render(order);
    }
    if (!offersRead) {
      offersRead = true;
      void showOffers();
    }
    showMessage(errorArea, null);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      showNotFound();
    } else {
      loading.hidden = true;
      showMessage(
        errorArea,
        `We could not load your order just now. ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function showNotFound(): void {
  missing = true;
  shown = null;
  loading.hidden = true;
  orderArea.hidden = true;
  Object.values(sections).forEach((section) => section.replaceChildren());
  shortage.element.hidden = true;
  selfService.element.hidden = true;
  required("[data-testid=after-sales]").hidden = true;
  offersArea.hidden = true;
  showMessage(errorArea, null);
  notFoundArea.hidden = false;
  void live.stop();
}

function render(order: CustomerOrderView): void {
  if (missing) {
    return;
  }
  shown = order;
  loading.hidden = true;
  sections.head.replaceChildren(
    el("h1", {}, `Order ${order.id}`),
    el(
      "p",
      { class: "placed-at" },
      `Placed ${formatDateTime(order.placedAt)} · last update ${formatDateTime(order.updatedAt)}`,
    ),
    el(
      "p",
      { class: `status status-${order.status}` },
      el("span", {}, "Status: "),
      el("strong", { "data-testid": "order-status" }, orderStatusLabel(order.status)),
    ),
  );
  sections.progress.replaceChildren(progress(order));
  sections.notices.replaceChildren(notices(order) ?? "");
  shortage.update(order);
  selfService.update(order);
  // A cancelled order that sent nothing has no parcels to speak of.
  sections.shipments.replaceChildren(
    order.status === "Cancelled" && order.shipments.length === 0 ? "" : shipments(order.shipments),
  );
  sections.lines.replaceChildren(lines(order));
  sections.refunds.replaceChildren(refunds(order) ?? "");
  sections.shipTo.replaceChildren(
    order.shipTo === null
      ? el(
          "section",
          { class: "ship-to", "data-testid": "collect-at" },
          el("h2", {}, "Collecting in store"),
          order.collectAt ? el("p", {}, `You collect your order at ${order.collectAt}.`) : null,
        )
      : el(
          "section",
          { class: "ship-to", "data-testid": "ship-to" },
          el("h2", {}, "Delivery address"),
          el(
            "p",
            {},
            order.shipTo.name,
            el("br"),
            `${order.shipTo.postalCode} ${order.shipTo.city}, ${order.shipTo.country}`,
          ),
        ),
  );
  sections.timeline.replaceChildren(timeline(order));
  orderArea.hidden = false;
  afterSales.update({ id: order.id, version: order.version, currency: order.currency });
}

function progress(order: CustomerOrderView): HTMLElement {
  const stopped = order.status === "Cancelled";
  const problem = order.status === "DeliveryException";
  const reached = stepReached(order);
  const list = el("ol", {
    class: `progress${stopped ? " stopped" : ""}${problem ? " problem" : ""}`,
    "data-testid": "progress",
  });
  steps.forEach((step, index) => {
    const state = stepState(index, reached, order.status);
    const label =
      step.key === "reserved" && order.status === "Backordered"
        ? "Backordered"
        : step.key === "shipped" && order.status === "PartiallyShipped"
          ? "Partly shipped"
          : step.label;
    list.append(
      el(
        "li",
        { "data-step": step.key, "data-state": state, "aria-current": state === "current" ? "step" : null },
        el("span", { class: "dot", "aria-hidden": "true" }),
        el("span", { class: "label" }, label),
      ),
    );
  });
  // What stopped or troubles the order is said once, by the notices below.
  return el("section", { class: "progress-section", "aria-label": "Progress" }, list);
}

/** Steps before the one reached are done; the one reached is current, or done when the order has ended there. */
function stepState(index: number, reached: number, status: OrderStatus): "done" | "current" | "todo" {
  const ended = status === "Delivered" || status === "Completed" || status === "Cancelled";
  if (index < reached || (index === reached && ended)) {
    return "done";
  }
  return index === reached ? "current" : "todo";
}

/** The furthest step the order reached; a cancelled order shows how far it got before it stopped. */
function stepReached(order: CustomerOrderView): number {
  const known = reachedStep[order.status];
  if (known !== undefined) {
    return known;
  }
  if (order.status === "DeliveryException") {
    return Math.max(
      4,
      ...order.shipments.filter((s) => s.status !== "Exception").map((s) => shipmentStep[s.status]),
      ...order.shipments.flatMap((s) =>
        s.events.filter((e) => e.status !== "Exception").map((e) => shipmentStep[e.status]),
      ),
    );
  }
  const before = [...order.timeline]
    .sort((a, b) => b.sequence - a.sequence)
    .find((entry) => reachedStep[entry.status] !== undefined);
  return before ? (reachedStep[before.status] ?? 0) : 0;
}

function notices(order: CustomerOrderView): HTMLElement | null {
  const distinct = [...new Set(order.notices)];
  if (distinct.length === 0) {
    return null;
  }
  return el(
    "ul",
    { class: `notices notices-${order.status}`, "aria-label": "Notices" },
    ...distinct.map((notice) => el("li", { "data-testid": "notice", role: "status" }, notice)),
  );
}

function refunds(order: CustomerOrderView): HTMLElement | null {
  if (order.refunds.length === 0) {
    return null;
  }
  return el(
    "section",
    { class: "refunds", "data-testid": "refunds" },
    el("h2", {}, "Refunds"),
    el(
      "ul",
      {},
      ...order.refunds.map((r) =>
        el(
          "li",
          { "data-testid": "refund" },
          el("strong", {}, formatMoney(r.amount, order.currency)),
          el("span", {}, r.reason),
          el("time", { datetime: r.at }, formatDateTime(r.at)),
        ),
      ),
    ),
  );
}

function shipments(parcels: CustomerShipment[]): HTMLElement {
  const section = el(
    "section",
    { class: "shipments" },
    el("h2", {}, parcels.length === 1 ? "Your parcel" : "Your parcels"),
  );
  if (parcels.length === 0) {
    section.append(
      el(
        "p",
        { class: "quiet" },
        "Nothing has been sent yet. You will see each parcel here, with its carrier and tracking number, as soon as it leaves the warehouse.",
      ),
    );
    return section;
  }
  for (const parcel of parcels) {
    const scans = [...parcel.events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    section.append(
      el(
        "div",
        { class: `shipment shipment-${parcel.status}`, "data-testid": "shipment" },
        el(
          "p",
          { class: "shipment-head" },
          el("strong", {}, parcel.carrier),
          " · tracking number ",
          el("span", { class: "tracking-number" }, parcel.trackingNumber),
        ),
        el("p", { class: "shipment-status" }, shipmentStatusLabel(parcel.status)),
        scans.length === 0
          ? el("p", { class: "quiet" }, "No scans from the carrier yet.")
          : el(
              "ol",
              { class: "scans" },
              ...scans.map((scan) =>
                el(
                  "li",
                  { "data-testid": "tracking-event", class: scan.status === "Exception" ? "scan-problem" : null },
                  el("time", { datetime: scan.occurredAt }, formatDateTime(scan.occurredAt)),
                  el("span", { class: "scan-status" }, shipmentStatusLabel(scan.status)),
                  scan.location ? el("span", { class: "scan-location" }, scan.location) : null,
                ),
              ),
            ),
      ),
    );
  }
  return section;
}

function timeline(order: CustomerOrderView): HTMLElement {
  const entries = [...order.timeline].sort((a, b) => b.sequence - a.sequence);
  return el(
    "section",
    { class: "timeline" },
    el("h2", {}, "What has happened"),
    el(
      "ol",
      {},
      ...entries.map((entry) =>
        el(
          "li",
          { "data-testid": "timeline-entry" },
          el("time", { datetime: entry.at }, formatDateTime(entry.at)),
          el("span", { class: "description" }, entry.description),
        ),
      ),
    ),
  );
}

function lines(order: CustomerOrderView): HTMLElement {
  return el(
    "section",
    { class: "lines", "data-testid": "lines" },
    el("h2", {}, "Items"),
    el(
      "table",
      {},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "Item"),
          el("th", { scope: "col", class: "number" }, "Qty"),
          el("th", { scope: "col", class: "number" }, "Amount"),
        ),
      ),
      el(
        "tbody",
        {},
        ...order.lines.map((line) =>
          el(
            "tr",
            {},
            el(
              "td",
              {},
              line.name,
              line.backorderedQuantity > 0
                ? el("span", { class: "line-wait" }, `${line.backorderedQuantity} waiting for stock`)
                : null,
            ),
            el("td", { class: "number" }, line.quantity),
            el("td", { class: "number" }, formatMoney(line.unitPrice * line.quantity, order.currency)),
          ),
        ),
      ),
      el(
        "tfoot",
        {},
        el(
          "tr",
          {},
          el(
            "th",
            { scope: "row", colspan: 2 },
            `Total (${items(order.lines.reduce((sum, l) => sum + l.quantity, 0))})`,
          ),
          el("td", { class: "number", "data-testid": "order-total" }, formatMoney(order.total, order.currency)),
        ),
      ),
    ),
  );
}

/** Reads the offers once the order is shown; the strip stays hidden when there is nothing to offer or the read fails. */
async function showOffers(): Promise<void> {
  let offers: CustomerOffers;
  try {
    offers = await getJson<CustomerOffers>(
      `/api/track/${encodeURIComponent(orderId)}/recommendations?token=${encodeURIComponent(token ?? "")}&k=${offeredProducts}`,
    );
  } catch {
    // Offers are extra: the order itself is what the page is for, so a failure here shows nothing.
    return;
  }
  if (missing || (offers.promotions.length === 0 && offers.products.length === 0)) {
    return;
  }
  required("#promotions", offersArea).replaceChildren(
    ...offers.promotions.map((promotion) =>
      el("p", { class: "promotion", "data-testid": "promotion" }, promotionWords(promotion)),
    ),
  );
  required("#offer-products", offersArea).replaceChildren(
    ...offers.products.map((product) =>
      el(
        "li",
        { "data-testid": "recommended-product", "data-sku": product.sku },
        el("strong", { class: "offer-name" }, product.name),
        el("span", { class: "offer-price" }, formatMoney(product.unitPrice, shown?.currency ?? "GBP")),
        el("span", { class: "offer-reason" }, product.reason),
      ),
    ),
  );
  offersArea.hidden = false;
}

/** E.g. "Spring thank-you: 10% off until 12 Dec". */
function promotionWords(promotion: Promotion): string {
  return `${promotion.name}: ${promotion.discountPercent}% off until ${formatDayOf(promotion.validUntil)}`;
}
