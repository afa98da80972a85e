// The forecast of one SKU: pick it from the catalog (or a stock row), for all warehouses or one, 7 to 28 days ahead.

import { getJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatCount, formatDateTime, formatDay, formatShare } from "../shared/format";
import type { CatalogPage, ForecastView, Warehouse, WarehouseShare } from "../shared/api-types";
import { ForecastChart } from "./forecast-chart";
import { LatestRead, debounced, reasonOf } from "./latest-read";

const suggestions = 20;

export class ForecastPanel {
  private readonly skuInput = required<HTMLInputElement>("#forecast-sku");
  private readonly options = required<HTMLDataListElement>("#sku-options");
  private readonly warehouse = required<HTMLSelectElement>("#forecast-warehouse");
  private readonly horizon = required<HTMLSelectElement>("#forecast-horizon");
  private readonly caption = required("[data-testid=forecast-caption]");
  private readonly box = required("[data-testid=forecast-chart]");
  private readonly error = required("#forecast-error");
  private readonly reads = new LatestRead();
  private readonly searches = new LatestRead();
  private readonly search = debounced(() => void this.suggest(), 250);
  private chart: ForecastChart | null = null;
  private sku: string | null = null;

  constructor(private readonly apiKey: () => string | null) {
    this.skuInput.addEventListener("input", () => this.search());
    this.skuInput.addEventListener("change", () => this.pickTyped());
    this.warehouse.addEventListener("change", () => void this.refresh());
    this.horizon.addEventListener("change", () => void this.refresh());
  }

  start(warehouses: Warehouse[]): void {
    this.warehouse.replaceChildren(
      el("option", { value: "" }, "All warehouses"),
      ...warehouses.map((warehouse) => el("option", { value: warehouse.id }, warehouse.name)),
    );
    this.chart = new ForecastChart(required<HTMLCanvasElement>("canvas", this.box));
  }

  /** The SKU shown now, or null before one is picked. */
  get selected(): string | null {
    return this.sku;
  }

  /** Shows the SKU's forecast; with read false, only picks it for the next refresh(). */
  select(sku: string, read = true): void {
    this.sku = sku;
    this.skuInput.value = sku;
    if (read) {
      void this.refresh();
    }
  }

  async refresh(): Promise<void> {
    const sku = this.sku;
    if (!sku) {
      this.showState("none", "Pick a SKU to see its forecast.");
      return;
    }
    const query = new URLSearchParams({ horizon: this.horizon.value });
    if (this.warehouse.value) {
      query.set("warehouseId", this.warehouse.value);
    }
    this.box.dataset.state = "loading";
    await this.reads.run(
      () =>
        getJson<ForecastView>(`/api/planning/forecast/${encodeURIComponent(sku)}?${query}`, { apiKey: this.apiKey() }),
      (view) => this.show(view),
      (failure) => {
        this.showState("error", "");
        showMessage(this.error, `The forecast of ${sku} could not be read: ${reasonOf(failure)}`);
      },
    );
  }

  stop(): void {
    this.reads.cancel();
    this.searches.cancel();
    this.search.cancel();
    this.chart?.destroy();
    this.chart = null;
    this.sku = null;
    this.skuInput.value = "";
    this.options.replaceChildren();
    this.caption.replaceChildren();
    showMessage(this.error, null);
  }

  private show(view: ForecastView): void {
    showMessage(this.error, null);
    const offScale = this.chart?.show(view) ?? { days: 0, highest: 0 };
    const where = view.warehouseId
      ? (this.warehouse.selectedOptions[0]?.textContent ?? view.warehouseId)
      : "all warehouses";
    this.box.dataset.state = view.modelVersion === null ? "no-model" : "ready";
    this.box.dataset.sku = view.sku;
    this.box.dataset.historyDays = String(view.history.length);
    this.box.dataset.forecastDays = String(view.forecast.length);
    this.box.dataset.band = String(view.forecast.some((point) => point.high > point.low));
    // What a planner orders from: the horizon's total beside what sold over as many days up to yesterday.
    const days = view.forecast.length;
    const sold = view.history.slice(-days).reduce((sum, point) => sum + point.quantity, 0);
    const ahead = view.forecast.reduce((sum, point) => sum + point.quantity, 0);
    const lastSold = view.history.at(-1)?.day;
    this.box.dataset.soldTotal = String(Math.round(sold));
    this.box.dataset.forecastTotal = String(Math.round(ahead));
    this.caption.replaceChildren(
      el("strong", {}, `${view.sku} · ${view.name}`),
      ` · ${where} · `,
      view.share ? el("span", { "data-testid": "forecast-share" }, `${shareWords(view.share)} · `) : "",
      days > 0 && lastSold
        ? el(
            "span",
            { "data-testid": "forecast-totals" },
            `${view.share ? "its part of the sales" : "sold"} ${formatCount(Math.round(sold))} in the ${days} days to ${formatDay(lastSold)}, `,
            el("strong", {}, `forecast ${formatCount(Math.round(ahead))}`),
            ` for the next ${days} · `,
          )
        : "",
      view.modelVersion === null
        ? "no model yet: sales so far only"
        : el(
            "span",
            {},
            "model ",
            el("span", { "data-testid": "forecast-version" }, `v${view.modelVersion}`),
            view.trainedAt ? `, trained ${formatDateTime(view.trainedAt)}` : "",
            ` · band: ${formatShare(view.intervalCoverage)} interval`,
          ),
      offScale.days > 0
        ? el(
            "span",
            { class: "quiet", "data-testid": "off-scale" },
            ` · ${offScale.days === 1 ? "1 day" : `${offScale.days} days`} sold above the scale ` +
              `(up to ${formatCount(offScale.highest)})`,
          )
        : "",
    );
  }

  private showState(state: "none" | "error", words: string): void {
    this.box.dataset.state = state;
    this.caption.textContent = words;
  }

  /** A typed or chosen SKU: an exact SKU from the suggestions, the only suggestion, or the text as a SKU. */
  private pickTyped(): void {
    const typed = this.skuInput.value.trim();
    if (!typed) {
      return;
    }
    // The suggestions may still be those of earlier words (they are read a moment after typing): only one that
    // matches the words typed now stands for them.
    const words = typed.toLowerCase();
    const offered = [...this.options.options].filter((option) =>
      `${option.value} ${option.textContent ?? ""}`.toLowerCase().includes(words),
    );
    const exact = offered.find((option) => option.value.toLowerCase() === words)?.value;
    const chosen = exact ?? (offered.length === 1 ? offered[0].value : typed);
    if (chosen !== this.sku) {
      this.select(chosen);
    }
  }

  private async suggest(): Promise<void> {
    const words = this.skuInput.value.trim();
    if (words.length === 0) {
      this.options.replaceChildren();
      return;
    }
    await this.searches.run(
      () =>
        getJson<CatalogPage>(`/api/catalog?${new URLSearchParams({ q: words, pageSize: String(suggestions) })}`, {
          apiKey: this.apiKey(),
        }),
      (page) =>
        this.options.replaceChildren(
          ...page.items.map((product) => el("option", { value: product.sku }, `${product.sku} · ${product.name}`)),
        ),
      // Suggestions are a convenience: without them the typed SKU still works.
      () => this.options.replaceChildren(),
    );
  }
}

/**
 * What a warehouse's figures rest on: the imported history names no warehouse, so they are the SKU's total times the
 * warehouse's share of its live sales, or an even split when there are none; the planner must see which.
 */
function shareWords(share: WarehouseShare): string {
  const part = formatShare(share.fraction);
  return share.evenSplit
    ? `${part} of the SKU's demand, an even split: no live sales in the ${share.days} days to yesterday say where it sells`
    : `${part} of the SKU's demand: ${formatCount(share.warehouseUnits)} of the ${formatCount(share.allUnits)} units ` +
        `sold live in the ${share.days} days to yesterday`;
}
