// The planner page, /planner: the serving model and its backtest, a SKU's forecast, restock suggestions to accept,
// inventory health and customer segments, and stock per warehouse with low stock highlighted — all kept live through
// /hubs/planning (planningChanged when a new model version serves, stockChanged as stock moves).

import "./styles/base.css";
import "./styles/staff.css";
import "./styles/planner.css";

import { getJson } from "./shared/api";
import { staffSignIn } from "./shared/auth";
import { el, required, showMessage } from "./shared/dom";
import { LiveLink } from "./shared/hub";
import type { ModelVersionInfo, StockLevel, WarehouseStockRow, Warehouse, WarehouseStock } from "./shared/api-types";
import { ForecastPanel } from "./planner/forecast-panel";
import { HealthPanel } from "./planner/health-panel";
import { debounced } from "./planner/latest-read";
import { ModelPanel } from "./planner/model-panel";
import { RestockPanel } from "./planner/restock-panel";
import { SegmentsPanel } from "./planner/segments-panel";

/** The figures a stock row shows, as both a level and a row carry them. */
type StockFigures = Pick<StockLevel, "onHand" | "reserved" | "available" | "incoming" | "backordered">;

const figures: (keyof StockFigures)[] = ["onHand", "reserved", "available", "incoming", "backordered"];

interface SignedIn {
  warehouses: Warehouse[];
  stock: WarehouseStock;
}

interface ShownStock {
  warehouseId: string;
  lowStockThreshold: number;
  rows: Map<string, { item: WarehouseStockRow; row: HTMLTableRowElement }>;
}

const content = required("#planner");
const tabs = required("#warehouse-tabs");
const rowsBody = required("#stock-rows");
const filter = required<HTMLInputElement>("#stock-filter");
const lowOnly = required<HTMLInputElement>("#low-only");
const summary = required("#stock-summary");
const plannerError = required("#planner-error");
const indicator = required("[data-testid=live-state]");
const warehouseNames = document.querySelectorAll<HTMLElement>("[data-testid=selected-warehouse]");

let apiKey: string | null = null;
let live: LiveLink | null = null;
let selected: string | null = null;
let shown: ShownStock | null = null;
/** Pushes for the selected warehouse that arrived while its stock was being read; applied after the answer. */
let arrivedWhileLoading: StockLevel[] | null = null;
let reloadTimer: ReturnType<typeof setTimeout> | undefined;
/** Counts reads of the stock table: only the latest read may fill it. */
let reads = 0;
let warehouses: Warehouse[] = [];

const keyOf = () => apiKey;
const model = new ModelPanel(keyOf);
const forecast = new ForecastPanel(keyOf);
const restock = new RestockPanel(keyOf, (sku) => showForecast(sku));
const health = new HealthPanel(keyOf);
const segments = new SegmentsPanel(keyOf);
/** Stock moves in bursts (an order reserves several lines): the warehouse's suggestions and health are read once after. */
const stockMoved = debounced(() => {
  void restock.refresh();
  void health.refresh();
}, 1_000);

const signOut = staffSignIn<SignedIn>({
  content,
  verify: async (key) => {
    const warehouses = [...(await getJson<Warehouse[]>("/api/warehouses"))].sort((a, b) => a.priority - b.priority);
    if (warehouses.length === 0) {
      throw new Error("No warehouses are set up yet, so there is no stock to plan.");
    }
    return { warehouses, stock: await getJson<WarehouseStock>(stockPath(warehouses[0].id), { apiKey: key }) };
  },
  onSignedIn: start,
  onSignedOut: stop,
});

filter.addEventListener("input", applyFilter);
lowOnly.addEventListener("change", applyFilter);

function start(key: string, first: SignedIn): void {
  apiKey = key;
  warehouses = first.warehouses;
  tabs.replaceChildren(
    ...first.warehouses.map((warehouse) => {
      const tab = el(
        "button",
        {
          type: "button",
          role: "tab",
          "data-testid": "warehouse-tab",
          "data-warehouse": warehouse.id,
          "aria-selected": "false",
        },
        warehouse.name,
      );
      tab.addEventListener("click", () => void select(warehouse.id));
      return tab;
    }),
  );
  markSelected(first.stock.warehouseId);
  showStock(first.stock);
  forecast.start(first.warehouses);
  const firstSku = first.stock.items.find((item) => item.low) ?? first.stock.items[0];
  if (firstSku) {
    forecast.select(firstSku.sku, false);
  }
  void refreshPlanning();

  live = new LiveLink({
    url: "/hubs/planning",
    apiKey: key,
    indicator,
    resync: async (connection) => {
      await connection.invoke("Watch");
      if (selected) {
        await load(selected);
      }
      void refreshPlanning();
    },
    onRefused: () => signOut("The key was refused for live stock updates: the planner page needs a planner key."),
  })
    .on<StockLevel>("stockChanged", (change) => {
      applyChange(change);
      if (change.warehouseId === selected) {
        stockMoved();
      }
    })
    .on<ModelVersionInfo>("planningChanged", () => void refreshPlanning());
  live.start();
}

function stop(): void {
  void live?.stop();
  live = null;
  apiKey = null;
  selected = null;
  shown = null;
  arrivedWhileLoading = null;
  reads++;
  clearTimeout(reloadTimer);
  stockMoved.cancel();
  model.clear();
  forecast.stop();
  restock.stop();
  health.stop();
  segments.stop();
  warehouses = [];
  tabs.replaceChildren();
  rowsBody.replaceChildren();
  summary.textContent = "";
  showMessage(plannerError, null);
}

async function select(warehouseId: string): Promise<void> {
  if (warehouseId !== selected) {
    markSelected(warehouseId);
    rowsBody.replaceChildren();
    shown = null;
    void restock.show(warehouseId);
    void health.show(warehouseId);
    await load(warehouseId);
  }
}

/** Everything the serving model answers: read again after sign-in, a reconnect, and a new model version. */
async function refreshPlanning(): Promise<void> {
  await Promise.all([
    model.refresh(),
    forecast.refresh(),
    selected ? restock.show(selected) : Promise.resolve(),
    selected ? health.show(selected) : Promise.resolve(),
    segments.refresh(),
  ]);
}

function showForecast(sku: string): void {
  forecast.select(sku);
  required("[data-testid=forecast]").scrollIntoView({ behavior: "smooth", block: "start" });
}

function markSelected(warehouseId: string): void {
  selected = warehouseId;
  const name = warehouses.find((warehouse) => warehouse.id === warehouseId)?.name ?? warehouseId;
  warehouseNames.forEach((element) => (element.textContent = name));
  for (const tab of tabs.querySelectorAll<HTMLElement>("[data-testid=warehouse-tab]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.warehouse === warehouseId));
  }
}

/** Reads the warehouse's stock: the answer replaces the table, then pushes that came meanwhile are applied. */
async function load(warehouseId: string): Promise<void> {
  const read = ++reads;
  arrivedWhileLoading ??= [];
  try {
    const stock = await getJson<WarehouseStock>(stockPath(warehouseId), { apiKey });
    if (read === reads && stock.warehouseId === selected) {
      showStock(stock);
      showMessage(plannerError, null);
    }
  } catch (failure) {
    if (read === reads) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      showMessage(plannerError, `The stock of ${warehouseId} could not be read: ${reason}`);
    }
  } finally {
    if (read === reads) {
      const arrived = arrivedWhileLoading ?? [];
      arrivedWhileLoading = null;
      arrived.forEach(applyChange);
    }
  }
}

function showStock(stock: WarehouseStock): void {
  shown = { warehouseId: stock.warehouseId, lowStockThreshold: stock.lowStockThreshold, rows: new Map() };
  for (const item of stock.items) {
    const row = el(
      "tr",
      { "data-testid": "stock-row", "data-sku": item.sku },
      el("td", { class: "sku" }, skuButton(item.sku)),
      el("td", {}, item.name),
      ...figures.map((field) => el("td", { class: "number", "data-field": field })),
    );
    shown.rows.set(item.sku, { item, row });
    fill(row, item);
  }
  rowsBody.replaceChildren(...[...shown.rows.values()].map((entry) => entry.row));
  applyFilter();
}

function applyChange(change: StockLevel): void {
  if (change.warehouseId !== selected) {
    return;
  }
  if (arrivedWhileLoading) {
    arrivedWhileLoading.push(change);
    return;
  }
  const entry = shown?.rows.get(change.sku);
  if (!shown || !entry) {
    // A SKU this table has not seen yet (new product, or first stock here): read the table again, once per burst.
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => selected && void load(selected), 500);
    return;
  }
  if (change.version <= entry.item.version) {
    return;
  }
  entry.item = {
    ...entry.item,
    ...pick(change),
    version: change.version,
    low: change.available <= shown.lowStockThreshold,
  };
  fill(entry.row, entry.item);
  applyFilter();
}

function fill(row: HTMLTableRowElement, item: WarehouseStockRow): void {
  row.dataset.low = String(item.low);
  for (const field of figures) {
    required(`[data-field=${field}]`, row).textContent = String(item[field]);
  }
}

function applyFilter(): void {
  if (!shown) {
    return;
  }
  const words = filter.value.trim().toLowerCase();
  let low = 0;
  let visible = 0;
  for (const { item, row } of shown.rows.values()) {
    low += item.low ? 1 : 0;
    row.hidden =
      (lowOnly.checked && !item.low) || (words !== "" && !`${item.sku} ${item.name}`.toLowerCase().includes(words));
    visible += row.hidden ? 0 : 1;
  }
  summary.textContent = `${visible} of ${shown.rows.size} SKUs shown · ${low} low (available at or below ${shown.lowStockThreshold})`;
}

function pick(change: StockLevel): StockFigures {
  return {
    onHand: change.onHand,
    reserved: change.reserved,
    available: change.available,
    incoming: change.incoming,
    backordered: change.backordered,
  };
}

function skuButton(sku: string): HTMLButtonElement {
  const button = el("button", { type: "button", class: "sku-link", title: "Show the forecast" }, sku);
  button.addEventListener("click", () => showForecast(sku));
  return button;
}

function stockPath(warehouseId: string): string {
  return `/api/stock?warehouseId=${encodeURIComponent(warehouseId)}`;
}
