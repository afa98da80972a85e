// What to order for the selected warehouse, most urgent first; accepting a row turns it into incoming stock
// (a purchase order with its expected date).

import { ApiError, getJson, postJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatCount, formatDay, formatDecimal } from "../shared/format";
import type { RestockSuggestion, RestockUrgency, SuggestionAccepted } from "../shared/types";
import { LatestRead, reasonOf } from "./latest-read";

const urgencyLabels: Record<RestockUrgency, string> = {
  late: "Late",
  "order-now": "Order now",
  watch: "Watch",
};

export class RestockPanel {
  private readonly rows = required("#restock-rows");
  private readonly summary = required("#restock-summary");
  private readonly result = required("[data-testid=restock-result]");
  private readonly error = required("#restock-error");
  private readonly reads = new LatestRead();
  private warehouseId: string | null = null;

  constructor(
    private readonly apiKey: () => string | null,
    /** Shows the SKU's forecast, when its name is clicked. */
    private readonly showForecast: (sku: string) => void,
  ) {}

  show(warehouseId: string): Promise<void> {
    if (warehouseId !== this.warehouseId) {
      this.warehouseId = warehouseId;
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
    this.rows.replaceChildren();
    this.summary.textContent = "";
    showMessage(this.result, null);
    showMessage(this.error, null);
  }

  private fill(suggestions: RestockSuggestion[]): void {
    const count = (urgency: RestockUrgency) => suggestions.filter((s) => s.urgency === urgency).length;
    this.summary.textContent =
      suggestions.length === 0
        ? "Nothing to order: no SKU here is at its reorder point or runs out within the forecast."
        : `${suggestions.length} to consider · ${count("late")} late · ${count("order-now")} to order now · ${count("watch")} to watch`;
    this.rows.replaceChildren(...suggestions.map((suggestion) => this.row(suggestion)));
  }

  private row(suggestion: RestockSuggestion): HTMLTableRowElement {
    const quantity = el("input", {
      type: "number",
      min: 1,
      step: 1,
      value: suggestion.suggestedQuantity,
      "aria-label": `Quantity of ${suggestion.sku} to order`,
      "data-testid": "restock-quantity",
    });
    const accept = el("button", { type: "button", "data-testid": "restock-accept" }, "Accept");
    accept.addEventListener("click", () => void this.accept(suggestion, quantity, accept));
    const skuButton = el("button", { type: "button", class: "sku-link", title: "Show the forecast" }, suggestion.sku);
    skuButton.addEventListener("click", () => this.showForecast(suggestion.sku));
    return el(
      "tr",
      {
        "data-testid": "restock-row",
        "data-suggestion": suggestion.id,
        "data-sku": suggestion.sku,
        "data-urgency": suggestion.urgency,
      },
      el(
        "td",
        {},
        el(
          "span",
          { class: `urgency urgency-${suggestion.urgency}`, "data-testid": "urgency" },
          urgencyLabels[suggestion.urgency] ?? suggestion.urgency,
        ),
      ),
      el("td", { class: "sku" }, skuButton),
      el("td", {}, suggestion.name),
      number(suggestion.onHand, "onHand"),
      number(suggestion.reserved, "reserved"),
      number(suggestion.incoming, "incoming"),
      number(suggestion.position, "position"),
      el("td", { class: "number", "data-field": "reorderPoint" }, formatDecimal(suggestion.reorderPoint)),
      el("td", { class: "number", "data-field": "safetyStock" }, formatDecimal(suggestion.safetyStock)),
      el("td", { class: "number" }, quantity),
      el(
        "td",
        { "data-field": "stockOutOn" },
        suggestion.stockOutOn ? formatDay(suggestion.stockOutOn) : "not within the forecast",
      ),
      el(
        "td",
        { "data-field": "expectedOn", title: `Lead time ${suggestion.leadTimeDays} days` },
        formatDay(suggestion.expectedOn),
      ),
      el("td", {}, accept),
    );
  }

  private async accept(
    suggestion: RestockSuggestion,
    input: HTMLInputElement,
    button: HTMLButtonElement,
  ): Promise<void> {
    const quantity = Number(input.value);
    if (!Number.isInteger(quantity) || quantity < 1) {
      showMessage(this.error, `The quantity of ${suggestion.sku} must be a whole number of at least 1.`);
      input.focus();
      return;
    }
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
      button.closest("tr")?.setAttribute("data-accepted", "true");
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
