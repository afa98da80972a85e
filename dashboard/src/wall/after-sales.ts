// The wall's after-sales panel: returns waiting for approval or goods, open service tickets, and the ratings.

import { ApiError, getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import type { ReturnAction } from "../shared/types";

interface ReturnView {
  id: string;
  orderId: string;
  status: string;
  lines: { sku: string; name: string; quantity: number }[];
  reason: string;
  /** The steps ops may take now (the server's `ReturnTransitions`). */
  allowedActions: ReturnAction[];
}

interface TicketView {
  id: string;
  orderId: string;
  category: string;
  status: string;
}

interface FeedbackSummary {
  average: number;
  count: number;
  latest: { orderId: string; rating: number; comment: string | null }[];
}

interface AfterSalesBoard {
  returns: ReturnView[];
  tickets: TicketView[];
  feedback: FeedbackSummary;
}

/**
 * Fills <paramref name="panel"/> from /api/after-sales/board; approve and receive act with the signed-in key, offered
 * only when the return's allowed actions name them.
 */
export class AfterSalesPanel {
  apiKey: string | null = null;

  private readonly message = el("p", { class: "error", role: "alert", hidden: true });

  constructor(private readonly panel: HTMLElement) {}

  async refresh(): Promise<void> {
    if (!this.apiKey) {
      return;
    }
    try {
      this.show(await getJson<AfterSalesBoard>("/api/after-sales/board", { apiKey: this.apiKey }));
    } catch (error) {
      showMessage(this.message, error instanceof Error ? error.message : String(error));
    }
  }

  private show(board: AfterSalesBoard): void {
    const ratings =
      board.feedback.count === 0
        ? "No ratings yet."
        : `Average ${board.feedback.average.toFixed(2)} from ${board.feedback.count} rating(s).`;
    this.panel.replaceChildren(
      this.message,
      el("h3", {}, `Returns (${board.returns.length})`),
      el(
        "ul",
        { class: "order-list", "data-testid": "after-sales-returns" },
        ...board.returns.map((r) => this.returnItem(r)),
      ),
      el("h3", {}, `Open tickets (${board.tickets.length})`),
      el(
        "ul",
        { class: "order-list", "data-testid": "after-sales-tickets" },
        ...board.tickets.map((t) => el("li", {}, `${t.id} · ${t.category} · ${t.status} (order ${t.orderId})`)),
      ),
      el("h3", {}, "Ratings"),
      el("p", { "data-testid": "after-sales-ratings" }, ratings),
      el(
        "ul",
        { class: "order-list" },
        ...board.feedback.latest.map((f) => el("li", {}, `${"★".repeat(f.rating)} ${f.comment ?? ""} (${f.orderId})`)),
      ),
    );
  }

  private returnItem(r: ReturnView): HTMLElement {
    const lines = r.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ");
    const path = (step: ReturnAction): string => `/api/returns/${encodeURIComponent(r.id)}/${step}`;
    const approve = r.allowedActions.includes("approve") ? this.button("Approve", path("approve"), undefined) : "";
    const receive = r.allowedActions.includes("receive")
      ? this.button("Receive as resaleable", path("receive"), {
          lines: r.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, condition: "Resaleable" })),
        })
      : "";
    return el("li", { "data-return": r.id }, `${r.id} · ${r.status} · ${lines} — ${r.reason} `, approve, receive);
  }

  private button(label: string, path: string, body: unknown): HTMLElement {
    const button = el("button", { type: "button", class: "quiet-button" }, label);
    button.addEventListener("click", () => {
      postJson(path, { apiKey: this.apiKey, body })
        .then(() => this.refresh())
        .catch((error: unknown) =>
          showMessage(this.message, error instanceof ApiError ? error.message : String(error)),
        );
    });
    return button;
  }
}
