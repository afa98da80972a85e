// What to order for the selected warehouse, most urgent first; accepting a row turns it into incoming stock
// (a purchase order with its expected date), and the row then shows that order instead of a button.

import { ApiError, getJson, postJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatCount, formatDay, formatDecimal, formatShare } from "../shared/format";
import type { RestockSuggestion, SuggestionAccepted } from "../shared/api-types";
import { LatestRead, reasonOf } from "./latest-read";

// The API sends the urgency as a word (grain-interfaces/Planning/RestockUrgency.cs); an unknown one shows as itself.
const urgencyLabels: Record<string, string> = {
  late: "Late",
  "order-now": "Order now",
  watch: "Watch",
  covered: "Covered",
};

const urgencyHints: Record<string, string> = {
  late: "An order is due, and one placed today arrives after the stock runs out (or orders already wait).",
  "order-now": "The position is at or below the reorder point: order today and it arrives in time.",
  watch: "Nothing is due (the position covers the reorder point), but the stock runs out within the forecast.",
  covered: "Nothing to order and no stock-out within the forecast.",
};

export class RestockPanel {
  private readonly rows = required("#restock-rows");
  private readonly summary = required("#restock-summary");
  private readonly result = required("[data-testid=restock-result]");
  private readonly error = required("#restock-error");
  private readonly reads = new LatestRead();
  /**
   * Quantities the planner typed, by suggestion id. The list is read again on every stock change (the demo's orders
   * move stock every few seconds); without these a re-read would put the suggested quantity back under the planner's
   * hands, and Accept would order that instead of what they typed.
   */
  private readonly typed = new Map<string, string>();
  private warehouseId: string | null = null;

  constructor(
    private readonly apiKey: () => string | null,
    /** Shows the SKU's forecast, when its name is clicked. */
    private readonly showForecast: (sku: string) => void,
  ) {}

  show(warehouseId: string): Promise<void> {
    if (warehouseId !== this.warehouseId) {
      this.warehouseId = warehouseId;
      this.typed.clear();
      this.rows.replaceChildren();
      this.summary.textContent = "";
      showMessage(this.result, null);
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
        getJson<RestockSuggestion[]>(
          `/api/planning/restock-suggestions?warehouseId=${encodeURIComponent(warehouseId)}`,
          { apiKey: this.apiKey() },
        ),
      (suggestions) => {
        showMessage(this.error, null);
        this.fill(suggestions);
      },
      (failure) =>
        showMessage(this.error, `The restock suggestions for ${warehouseId} could not be read: ${reasonOf(failure)}`),
    );
  }

  stop(): void {
    this.reads.cancel();
    this.warehouseId = null;
    this.typed.clear();
    this.rows.replaceChildren();
    this.summary.textContent = "";
    showMessage(this.result, null);
    showMessage(this.error, null);
  }

  private fill(suggestions: RestockSuggestion[]): void {
    const open = suggestions.filter((s) => s.purchaseOrderId === null);
    const count = (urgency: string) => open.filter((s) => s.urgency === urgency).length;
    const ordered = suggestions.length - open.length;
    this.summary.textContent =
      suggestions.length === 0
        ? "Nothing to order: no SKU here is at its reorder point or runs out within the forecast."
        : `${open.length} to consider · ${count("late")} late · ${count("order-now")} to order now · ` +
          `${count("watch")} to watch` +
          (ordered > 0 ? ` · ${ordered} ordered today` : "");
    const ids = new Set(suggestions.map((s) => s.id));
    for (const id of this.typed.keys()) {
      if (!ids.has(id)) {
        this.typed.delete(id);
      }
    }
    const focused = document.activeElement;
    const typing =
      focused instanceof HTMLInputElement && this.rows.contains(focused)
        ? focused.closest("tr")?.getAttribute("data-suggestion")
        : null;
    this.rows.replaceChildren(...suggestions.map((suggestion) => this.row(suggestion)));
    if (typing) {
      this.rows
        .querySelector<HTMLInputElement>(`tr[data-suggestion="${CSS.escape(typing)}"] [data-testid=restock-quantity]`)
        ?.focus();
    }
  }

  private row(suggestion: RestockSuggestion): HTMLTableRowElement {
    const skuButton = el("button", { type: "button", class: "sku-link", title: "Show the forecast" }, suggestion.sku);
    skuButton.addEventListener("click", () => this.showForecast(suggestion.sku));
    const order = el("td", { class: "number", "data-field": "order" });
    const action = el("td", {});
    if (suggestion.purchaseOrderId === null) {
      this.offerOrder(suggestion, order, action);
    } else {
      showOrdered(suggestion, order, action);
    }
    return el(
      "tr",
      {
        "data-testid": "restock-row",
        "data-suggestion": suggestion.id,
        "data-sku": suggestion.sku,
        "data-urgency": suggestion.urgency,
        "data-ordered": String(suggestion.purchaseOrderId !== null),
      },
      el(
        "td",
        {},
        el(
          "span",
          {
            class: `urgency urgency-${suggestion.urgency}`,
            "data-testid": "urgency",
            title: urgencyHints[suggestion.urgency] ?? "",
          },
          urgencyLabels[suggestion.urgency] ?? suggestion.urgency,
        ),
      ),
      el("td", { class: "sku" }, skuButton),
      el("td", {}, suggestion.name),
      number(suggestion.onHand, "onHand"),
      number(suggestion.reserved, "reserved"),
      el(
        "td",
        { class: `number${suggestion.backordered > 0 ? " waiting" : ""}`, "data-field": "backordered" },
        formatCount(suggestion.backordered),
      ),
      number(suggestion.incoming, "incoming"),
      number(suggestion.position, "position"),
      el(
        "td",
        {
          class: "number",
          "data-field": "reorderPoint",
          title:
            `Demand over the ${suggestion.leadTimeDays}-day lead time ${formatDecimal(suggestion.leadTimeDemand)} ` +
            `+ safety stock ${formatDecimal(suggestion.safetyStock)} (${formatShare(suggestion.serviceLevel)} service level)`,
        },
        formatDecimal(suggestion.reorderPoint),
      ),
      el("td", { class: "number", "data-field": "orderUpTo" }, formatDecimal(suggestion.orderUpTo)),
      order,
      el("td", { "data-field": "stockOutOn" }, runsOut(suggestion)),
      el(
        "td",
        { "data-field": "expectedOn", title: `Lead time ${suggestion.leadTimeDays} days` },
        formatDay(suggestion.expectedOn),
      ),
      action,
    );
  }

  /** The quantity to order (the suggestion's, editable) and Accept; with nothing due the quantity is the planner's. */
  private offerOrder(suggestion: RestockSuggestion, order: HTMLTableCellElement, action: HTMLTableCellElement): void {
    const quantity = el("input", {
      type: "number",
      min: 1,
      step: 1,
      placeholder: "0",
      "aria-label": `Quantity of ${suggestion.sku} to order`,
      "data-testid": "restock-quantity",
    });
    const typed = this.typed.get(suggestion.id);
    if (typed !== undefined) {
      quantity.value = typed;
    } else if (suggestion.suggestedQuantity > 0) {
      quantity.value = String(suggestion.suggestedQuantity);
    }
    quantity.addEventListener("input", () => this.typed.set(suggestion.id, quantity.value));
    const accept = el("button", { type: "button", "data-testid": "restock-accept" }, "Accept");
    accept.addEventListener("click", () => void this.accept(suggestion, quantity, order, action));
    order.replaceChildren(quantity);
    action.replaceChildren(accept);
  }

  private async accept(
    suggestion: RestockSuggestion,
    input: HTMLInputElement,
    order: HTMLTableCellElement,
    action: HTMLTableCellElement,
  ): Promise<void> {
    const quantity = Number(input.value);
    if (input.value.trim() === "" || !Number.isInteger(quantity) || quantity < 1) {
      showMessage(this.error, `The quantity of ${suggestion.sku} must be a whole number of at least 1.`);
      input.focus();
      return;
    }
    const button = required<HTMLButtonElement>("button", action);
    button.disabled = true;
    showMessage(this.error, null);
    let refusal: string | null = null;
    try {
      const accepted = await postJson<SuggestionAccepted>(
        `/api/planning/restock-suggestions/${encodeURIComponent(suggestion.id)}/accept`,
        { apiKey: this.apiKey(), body: { quantity } },
      );
      showMessage(
        this.result,
        `Ordered ${formatCount(accepted.quantity)} × ${accepted.sku} (${suggestion.name}) for ${accepted.warehouseId}, ` +
          `expected ${formatDay(accepted.expectedOn)} (purchase order ${accepted.purchaseOrderId}). ` +
          `Incoming now ${formatCount(accepted.incoming)}.`,
      );
      this.typed.delete(suggestion.id);
      // At once, before the list is read again: the row shows the order and cannot be accepted twice.
      action.closest("tr")?.setAttribute("data-ordered", "true");
      showOrdered(
        {
          ...suggestion,
          suggestedQuantity: 0,
          purchaseOrderId: accepted.purchaseOrderId,
          orderedQuantity: accepted.quantity,
        },
        order,
        action,
      );
    } catch (failure) {
      button.disabled = false;
      refusal = `${suggestion.sku} was not ordered: ${explain(failure)}`;
    }
    await this.refresh();
    if (refusal) {
      // After the refresh, which clears the read errors of this panel.
      showMessage(this.error, refusal);
    }
  }
}

/** A row ordered today: what was ordered (and what is still due), and its purchase order in place of Accept. */
function showOrdered(suggestion: RestockSuggestion, order: HTMLTableCellElement, action: HTMLTableCellElement): void {
  const more = suggestion.suggestedQuantity > 0 ? `, ${formatCount(suggestion.suggestedQuantity)} more due` : "";
  order.replaceChildren(el("span", { class: "ordered" }, `ordered ${formatCount(suggestion.orderedQuantity)}${more}`));
  action.replaceChildren(
    el("span", { class: "ordered", "data-testid": "restock-ordered" }, ...wholeId(suggestion.purchaseOrderId ?? "")),
  );
}

/** An id that may wrap after its prefix ("PO-") and nowhere else: a planner reads and searches for it whole. */
function wholeId(id: string): (string | HTMLElement)[] {
  const cut = id.indexOf("-") + 1;
  return cut > 0 ? [id.slice(0, cut), el("wbr"), id.slice(cut)] : [id];
}

/** When the stock runs out: now when orders already wait for it, today when today's demand finds none. */
function runsOut(suggestion: RestockSuggestion): string {
  if (suggestion.backordered > 0) {
    return `now: ${formatCount(suggestion.backordered)} waiting`;
  }
  if (!suggestion.stockOutOn) {
    return "not within the forecast";
  }
  return suggestion.slackDays === -suggestion.leadTimeDays ? "today" : formatDay(suggestion.stockOutOn);
}

function number(value: number, field: string): HTMLTableCellElement {
  return el("td", { class: "number", "data-field": field }, formatCount(value));
}

/** 409: the suggestion no longer holds (stock moved, a newer model serves); the words come from the API. */
function explain(failure: unknown): string {
  if (failure instanceof ApiError && failure.status === 409) {
    return `${failure.message} The list below shows the suggestions as they stand now.`;
  }
  return reasonOf(failure);
}
