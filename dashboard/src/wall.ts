// The operations order wall, /wall: live counts, the orders-per-minute chart, review queue, backorders, alerts and
// the event stream, fed by /hubs/wall; click an order to see it and act on it.

import "./styles/base.css";
import "./styles/staff.css";
import "./styles/wall.css";

import { getJson, putJson } from "./shared/api";
import { staffSignIn } from "./shared/auth";
import { el, required, showMessage } from "./shared/dom";
import { channelLabel, formatAge, formatClock, formatMoneyIn, orderStatusLabel } from "./shared/format";
import { LiveLink } from "./shared/hub";
import { orderStatuses, salesChannels } from "./shared/api-types";
import type { WallOrderEvent, QueuedOrder, DemoSimulation, WallAlert, WallSnapshot } from "./shared/api-types";
import { AfterSalesPanel } from "./wall/after-sales";
import { OrderDetail } from "./wall/order-detail";
import { OrderEntry } from "./wall/order-entry";
import { OrderFinder } from "./wall/order-finder";
import { OrdersPerMinuteChart } from "./wall/orders-chart";
import { PickQueue } from "./wall/pick-queue";
import { StaffNotifications } from "./wall/staff-notifications";

const maxEvents = 50;
/** Statuses that need someone's attention when their count is above zero. */
const attention = new Set(["AwaitingReview", "Backordered", "DeliveryException"]);

const content = required("#wall");
const wallError = required("#wall-error");
const indicator = required("[data-testid=live-state]");
const simulationToggle = required<HTMLInputElement>("[data-testid=simulation-toggle]");
const simulationNote = required("#simulation-note");
const eventStream = required("[data-testid=event-stream]");
const detail = new OrderDetail(required("[data-testid=order-detail]"));
const currency = () => snapshot?.currency ?? null;
const entry = new OrderEntry(
  () => apiKey,
  (order) => void detail.open(order.id),
  currency,
);
required("[data-testid=enter-order]").addEventListener("click", () => void entry.open());
const openOrder = (orderId: string) => void detail.open(orderId);
const staffNotifications = new StaffNotifications(openOrder);
const finderSlot = required("[data-testid=finder]");
const finder = new OrderFinder(finderSlot, () => apiKey, openOrder, currency);
const pickQueue = new PickQueue(required("#pick-queue"));
const totalOrders = required("[data-testid=total-orders]");
const placedLastMinute = required("[data-testid=placed-last-minute]");
const placedLastHour = required("#placed-last-hour");
const reviewQueue = required("[data-testid=review-queue]");
const backorders = required("[data-testid=backorders]");
const alertList = required("[data-testid=alerts]");
const afterSales = new AfterSalesPanel(required("[data-testid=after-sales]"));

const statusCounts = new Map(
  orderStatuses.map((status) => [status, counter("status-count", { "data-status": status }, orderStatusLabel(status))]),
);
const channelCounts = new Map(
  salesChannels.map((channel) => [
    channel,
    counter("channel-count", { "data-channel": channel }, channelLabel(channel)),
  ]),
);
required("#status-counters").append(...[...statusCounts.values()].map((c) => c.tile));
required("#channel-counters").append(...[...channelCounts.values()].map((c) => c.tile));

let apiKey: string | null = null;
let live: LiveLink | null = null;
let chart: OrdersPerMinuteChart | null = null;
let snapshot: WallSnapshot | null = null;
const eventsShown = new Set<string>();

const signOut = staffSignIn<WallSnapshot>({
  content,
  verify: (key) => getJson<WallSnapshot>("/api/wall", { apiKey: key }),
  onSignedIn: start,
  onSignedOut: stop,
});

content.addEventListener("click", (event) => {
  const item = (event.target as Element).closest<HTMLElement>("[data-order-id]");
  if (item?.dataset.orderId && !item.closest("[data-testid=order-detail]")) {
    void detail.open(item.dataset.orderId);
  }
});
simulationToggle.addEventListener("change", () => void switchSimulation(simulationToggle.checked));
// Waiting times move on even when nothing else changes.
setInterval(() => snapshot && showQueues(snapshot), 30_000);
setInterval(() => void afterSales.refresh(), 15_000);

function start(key: string, first: WallSnapshot): void {
  apiKey = key;
  detail.apiKey = key;
  afterSales.apiKey = key;
  pickQueue.apiKey = key;
  finderSlot.hidden = false;
  void afterSales.refresh();
  void pickQueue.start();
  chart = new OrdersPerMinuteChart(required<HTMLCanvasElement>("[data-testid=orders-per-minute-chart]"));
  show(first);
  void loadSimulation();

  live = new LiveLink({
    url: "/hubs/wall",
    apiKey: key,
    indicator,
    resync: async (connection) => {
      await connection.invoke("Watch");
      await Promise.all([refresh(), loadSimulation()]);
    },
    onRefused: () => signOut("The key was refused by the live updates. Sign in again."),
  })
    .on<WallSnapshot>("wallChanged", (next) => {
      if (!snapshot || next.revision > snapshot.revision) {
        show(next);
      }
    })
    .on<WallOrderEvent>("orderEvent", (change) => {
      addEvent(change);
      staffNotifications.orderEvent(change);
      detail.orderChanged(change.orderId, change.version);
      pickQueue.refreshSoon();
      if (change.entries.some((entry) => entry.kind.startsWith("return."))) {
        void afterSales.refresh();
      }
    });
  live.start();
}

function stop(): void {
  void live?.stop();
  live = null;
  chart?.destroy();
  chart = null;
  apiKey = null;
  detail.apiKey = null;
  afterSales.apiKey = null;
  pickQueue.apiKey = null;
  finder.clear();
  finderSlot.hidden = true;
  detail.close();
  snapshot = null;
  eventStream.replaceChildren();
  eventsShown.clear();
  staffNotifications.clear();
  showMessage(wallError, null);
}

/** After a (re)connect the REST answer is the truth, even if its revision is lower (a restarted silo counts anew). */
async function refresh(): Promise<void> {
  try {
    show(await getJson<WallSnapshot>("/api/wall", { apiKey }));
    showMessage(wallError, null);
  } catch (failure) {
    showMessage(wallError, `The wall could not be refreshed: ${messageOf(failure)}`);
  }
}

function show(next: WallSnapshot): void {
  snapshot = next;
  detail.wallCurrency = next.currency;
  for (const [status, count] of statusCounts) {
    const value = next.byStatus[status] ?? 0;
    count.value.textContent = String(value);
    count.tile.classList.toggle("attention", attention.has(status) && value > 0);
  }
  for (const [channel, count] of channelCounts) {
    count.value.textContent = String(next.byChannel[channel] ?? 0);
  }
  totalOrders.textContent = String(next.total);
  placedLastMinute.textContent = String(next.placedLastMinute);
  placedLastHour.textContent = String(next.placedLastHour);
  chart?.show(next.ordersPerMinute);
  showQueues(next);
  showAlerts(next.alerts, next.stockOuts);
  staffNotifications.reviewQueue(new Set(next.reviewQueue.map((order) => order.orderId)));
}

function showQueues(current: WallSnapshot): void {
  const now = new Date();
  showQueue(reviewQueue, current.reviewQueue, "No orders waiting for review.", now);
  showQueue(backorders, current.backorders, "No orders waiting for stock.", now);
}

function showQueue(list: HTMLElement, orders: QueuedOrder[], empty: string, now: Date): void {
  list.replaceChildren(
    ...(orders.length === 0
      ? [el("li", { class: "empty" }, empty)]
      : orders.map((order) =>
          el(
            "li",
            { "data-order-id": order.orderId },
            el("button", { type: "button", class: "order-id" }, order.orderId),
            el("span", { class: "channel" }, channelLabel(order.channel)),
            el("span", { class: "age" }, `waiting ${formatAge(order.since, now)}`),
          ),
        )),
  );
}

/** Alerts beyond this many of one kind fold into "N more". */
const alertsShown = 10;
/** Stock-out groups staff opened, by warehouse: they stay open as the wall refreshes. */
const openStockOuts = new Set<string>();

/**
 * Stuck orders and delivery problems one line each (the first few, then a count); stock-outs one line per
 * warehouse with the count of all its stock-outs (the snapshot lists only the first few), opened to list them.
 */
function showAlerts(alerts: WallAlert[], stockOutCounts: Record<string, number>): void {
  if (alerts.length === 0) {
    alertList.replaceChildren(el("li", { class: "empty" }, "No alerts."));
    return;
  }
  const stockOuts = new Map<string, WallAlert[]>();
  for (const alert of alerts.filter((a) => a.kind === "stockOut")) {
    const warehouse = alert.warehouseId ?? "?";
    stockOuts.set(warehouse, [...(stockOuts.get(warehouse) ?? []), alert]);
  }
  const others = alerts.filter((a) => a.kind !== "stockOut");
  alertList.replaceChildren(
    ...others.slice(0, alertsShown).map(orderAlert),
    ...(others.length > alertsShown
      ? [el("li", { class: "empty", "data-testid": "alerts-more" }, `${others.length - alertsShown} more order alerts`)]
      : []),
    ...[...stockOuts].map(([warehouse, group]) =>
      stockOutGroup(warehouse, group, Math.max(stockOutCounts[warehouse] ?? 0, group.length)),
    ),
  );
}

function orderAlert(alert: WallAlert): HTMLElement {
  return el(
    "li",
    {
      "data-testid": "alert",
      "data-kind": alert.kind,
      "data-order-id": alert.orderId,
      class: `alert alert-${alert.kind}`,
    },
    el("span", { class: "alert-kind" }, alertLabel(alert)),
    el("span", { class: "alert-message" }, alert.message),
    alert.orderId ? el("button", { type: "button", class: "order-id" }, alert.orderId) : null,
    el("span", { class: "age" }, `for ${formatAge(alert.since)}`),
  );
}

function stockOutGroup(warehouse: string, group: WallAlert[], count: number): HTMLElement {
  const details = el(
    "details",
    { open: openStockOuts.has(warehouse) },
    el(
      "summary",
      {},
      el("span", { class: "alert-kind" }, "Out of stock"),
      el(
        "span",
        { class: "alert-message", "data-testid": "stock-out-count" },
        `${warehouse}: ${count} product${count === 1 ? "" : "s"}`,
      ),
    ),
    el(
      "ul",
      { class: "stock-out-list" },
      ...group.map((alert) =>
        el(
          "li",
          { "data-sku": alert.sku },
          el("span", {}, alert.message),
          el("span", { class: "age" }, `for ${formatAge(alert.since)}`),
        ),
      ),
      ...(count > group.length
        ? [el("li", { class: "empty", "data-testid": "stock-outs-more" }, `${count - group.length} more`)]
        : []),
    ),
  );
  details.addEventListener("toggle", () =>
    details.open ? openStockOuts.add(warehouse) : openStockOuts.delete(warehouse),
  );
  return el(
    "li",
    {
      "data-testid": "alert",
      "data-kind": "stockOut",
      "data-warehouse": warehouse,
      class: "alert alert-stockOut alert-group",
    },
    details,
  );
}

function alertLabel(alert: WallAlert): string {
  switch (alert.kind) {
    case "stuck":
      return "Stuck";
    case "stockOut":
      return "Out of stock";
    case "deliveryException":
      return "Delivery problem";
    default:
      return alert.kind;
  }
}

function addEvent(change: WallOrderEvent): void {
  const id = `${change.orderId}@${change.version}`;
  if (eventsShown.has(id)) {
    return;
  }
  eventsShown.add(id);
  const newest = change.entries[change.entries.length - 1];
  eventStream.prepend(
    el(
      "li",
      {
        "data-testid": "event",
        "data-order-id": change.orderId,
        "data-version": change.version,
        "data-status": change.status,
        class: `event status-${change.status}`,
      },
      el("time", { datetime: newest?.at ?? "" }, newest ? formatClock(newest.at) : ""),
      el("button", { type: "button", class: "order-id" }, change.orderId),
      el("span", { class: "event-status" }, orderStatusLabel(change.status)),
      el("span", { class: "channel" }, channelLabel(change.channel)),
      el("span", { class: "amount" }, formatMoneyIn(currency(), change.total)),
      el("span", { class: "event-text" }, change.entries.map((entry) => entry.description).join(" · ")),
    ),
  );
  while (eventStream.children.length > maxEvents) {
    const oldest = eventStream.lastElementChild as HTMLElement;
    eventsShown.delete(`${oldest.dataset.orderId}@${oldest.dataset.version}`);
    oldest.remove();
  }
}

async function loadSimulation(): Promise<void> {
  try {
    showSimulation(await getJson<DemoSimulation>("/api/demo/simulation", { apiKey }));
  } catch (failure) {
    simulationToggle.disabled = true;
    simulationNote.textContent = `Unavailable: ${messageOf(failure)}`;
  }
}

async function switchSimulation(enabled: boolean): Promise<void> {
  simulationToggle.disabled = true;
  try {
    showSimulation(await putJson<DemoSimulation>("/api/demo/simulation", { apiKey, body: { enabled } }));
    showMessage(wallError, null);
  } catch (failure) {
    simulationToggle.checked = !enabled;
    simulationToggle.disabled = false;
    showMessage(wallError, `The simulation could not be switched ${enabled ? "on" : "off"}: ${messageOf(failure)}`);
  }
}

function showSimulation(simulation: DemoSimulation): void {
  simulationToggle.disabled = false;
  simulationToggle.checked = simulation.enabled;
  simulationNote.textContent = simulation.enabled
    ? `${simulation.ordersPerMinute} orders/min · ${simulation.placed} placed`
    : `off · ${simulation.placed} placed`;
}

function counter(testId: string, attributes: Record<string, string>, label: string) {
  const value = el("span", { class: "tile-value", "data-testid": testId, ...attributes }, "0");
  return { value, tile: el("div", { class: "tile" }, el("span", { class: "tile-label" }, label), value) };
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
