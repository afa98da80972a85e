// The selected warehouse's inventory health: what is overstocked (too many days of cover) and what is dead (no sale
// for a long time).

import { getJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatCount, formatDay, formatDecimal } from "../shared/format";
import type { InventoryHealthRow, InventoryHealthView } from "../shared/api-types";
import { LatestRead, reasonOf } from "./latest-read";

/** Longer lists are cut here, worst first, and say how many more there are. */
const shownRows = 25;

export class HealthPanel {
  private readonly overstock = required("[data-testid=overstock]");
  private readonly dead = required("[data-testid=dead-stock]");
  private readonly summary = required("#health-summary");
  private readonly definitions = required("#health-definitions");
  private readonly error = required("#health-error");
  private readonly reads = new LatestRead();
  private warehouseId: string | null = null;

  constructor(private readonly apiKey: () => string | null) {}

  show(warehouseId: string): Promise<void> {
    if (warehouseId !== this.warehouseId) {
      this.warehouseId = warehouseId;
      this.clearLists();
    }
    return this.refresh();
  }

  async refresh(): Promise<void> {
    const warehouseId = this.warehouseId;
    if (!warehouseId) {
      return;
    }
    await this.reads.run(
      () =>
        getJson<InventoryHealthView>(`/api/planning/inventory-health?warehouseId=${encodeURIComponent(warehouseId)}`, {
          apiKey: this.apiKey(),
        }),
      (view) => {
        showMessage(this.error, null);
        this.fill(view);
      },
      (failure) =>
        showMessage(this.error, `The inventory health of ${warehouseId} could not be read: ${reasonOf(failure)}`),
    );
  }

  stop(): void {
    this.reads.cancel();
    this.warehouseId = null;
    this.clearLists();
    showMessage(this.error, null);
  }

  private clearLists(): void {
    this.overstock.replaceChildren();
    this.dead.replaceChildren();
    this.summary.textContent = "";
    this.definitions.textContent = "";
  }

  private fill(view: InventoryHealthView): void {
    const days = view.salesWindowDays;
    this.summary.textContent =
      view.modelVersion === null
        ? `${formatCount(view.rows.length)} SKUs · no model yet, so no demand is forecast`
        : `${formatCount(view.rows.length)} SKUs · median ` +
          (view.medianDaysOfCover === null ? "–" : `${coverDays(view.medianDaysOfCover)} days`) +
          ` of cover over the ${formatCount(view.rows.length - view.withoutForecast)} with a demand forecast · ` +
          `${formatCount(view.withoutForecast)} with no demand forecast (less than 1 unit in 28 days)`;
    this.definitions.textContent =
      `Free = on hand − reserved − backordered. Days of cover = free ÷ forecast a day, the forecast's mean over the ` +
      `next 28 days. Sold a day = units sold in the last ${days} days ÷ ${days}; turns = the same units ÷ on hand ` +
      `(= sold a day × ${days} ÷ on hand). Far apart, forecast and sold a day say the forecast expects a change.`;
    this.overstock.replaceChildren(
      list(
        `Overstock: more than ${view.overstockDays} days of cover`,
        "overstock-row",
        view.overstock,
        ["Days of cover", "Forecast a day", `Sold a day (${days} d)`, `Turns (${days} d)`],
        (row) => [
          cover(row),
          perDay(row.forecastPerDay),
          perDay(row.soldPerDay),
          row.turnover === null ? "–" : formatDecimal(row.turnover),
        ],
      ),
    );
    this.dead.replaceChildren(
      list(
        `Dead stock: no sale in ${view.deadStockDays} days`,
        "dead-stock-row",
        view.deadStock,
        ["Last sale", "Days of cover"],
        (row) => [row.lastSale ? formatDay(row.lastSale) : "never", cover(row)],
      ),
    );
  }
}

function list(
  title: string,
  testId: string,
  rows: InventoryHealthRow[],
  headings: string[],
  figures: (row: InventoryHealthRow) => string[],
): HTMLElement {
  if (rows.length === 0) {
    return el("div", {}, el("h3", {}, title), el("p", { class: "quiet" }, "None."));
  }
  const shown = rows.slice(0, shownRows);
  return el(
    "div",
    {},
    el("h3", {}, title),
    el(
      "table",
      { class: "data health" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "SKU"),
          el("th", { scope: "col" }, "Product"),
          el("th", { scope: "col", class: "number" }, "On hand"),
          el("th", { scope: "col", class: "number" }, "Free"),
          ...headings.map((heading) => el("th", { scope: "col", class: "number" }, heading)),
        ),
      ),
      el(
        "tbody",
        {},
        ...shown.map((row) =>
          el(
            "tr",
            { "data-testid": testId, "data-sku": row.sku },
            el("td", { class: "sku" }, row.sku),
            el("td", {}, row.name),
            el("td", { class: "number" }, formatCount(row.onHand)),
            el("td", { class: "number" }, formatCount(row.free)),
            ...figures(row).map((figure) => el("td", { class: "number" }, figure)),
          ),
        ),
      ),
    ),
    rows.length > shown.length
      ? el("p", { class: "quiet" }, `${shown.length} of ${formatCount(rows.length)} shown.`)
      : null,
  );
}

function cover(row: InventoryHealthRow): string {
  return row.daysOfCover === null ? "no demand forecast" : coverDays(row.daysOfCover);
}

const smallRate = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 });

/** Units a day: two significant digits below 10, so that 0.04 a day does not read as 0. */
function perDay(value: number): string {
  return value < 10 ? smallRate.format(value) : formatDecimal(value);
}

/** Beyond a year of cover the exact figure says nothing more to a planner. */
function coverDays(days: number): string {
  return days > 365 ? "over 365" : formatDecimal(days);
}
