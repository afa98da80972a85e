// The customer segments of the serving model (RFM k-means): who they are and what share of revenue they bring.

import { getJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatAmount, formatCount, formatDecimal, formatShare } from "../shared/format";
import type { SegmentsView } from "../shared/api-types";
import { LatestRead, reasonOf } from "./latest-read";

export class SegmentsPanel {
  private readonly rows = required("#segment-rows");
  private readonly summary = required("#segments-summary");
  private readonly error = required("#segments-error");
  private readonly reads = new LatestRead();

  constructor(private readonly apiKey: () => string | null) {}

  async refresh(): Promise<void> {
    await this.reads.run(
      () => getJson<SegmentsView>("/api/planning/segments", { apiKey: this.apiKey() }),
      (view) => {
        showMessage(this.error, null);
        this.fill(view);
      },
      (failure) => showMessage(this.error, `The customer segments could not be read: ${reasonOf(failure)}`),
    );
  }

  stop(): void {
    this.reads.cancel();
    this.rows.replaceChildren();
    this.summary.textContent = "";
    showMessage(this.error, null);
  }

  private fill(view: SegmentsView): void {
    const customers = view.segments.reduce((sum, segment) => sum + segment.customers, 0);
    this.summary.textContent =
      view.segments.length === 0
        ? "No segments yet: they appear after the first training."
        : `${formatCount(customers)} customers in ${view.segments.length} segments (model v${view.modelVersion ?? "–"})`;
    this.rows.replaceChildren(
      ...view.segments.map((segment) =>
        el(
          "tr",
          { "data-testid": "segment-row", "data-segment": segment.name },
          el("th", { scope: "row" }, segment.name),
          el("td", {}, segment.description),
          el("td", { class: "number" }, formatCount(segment.customers)),
          el("td", { class: "number" }, formatDecimal(segment.meanRecencyDays)),
          el("td", { class: "number" }, formatDecimal(segment.meanOrders)),
          el("td", { class: "number" }, formatAmount(segment.meanSpend)),
          el("td", { class: "number" }, formatShare(segment.shareOfRevenue)),
        ),
      ),
    );
  }
}
