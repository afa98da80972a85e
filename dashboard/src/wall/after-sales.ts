// The wall's after-sales panel: returns waiting for a step, open service tickets, and the ratings. A return or a
// ticket opens its order, where the return's steps are (approve, receive with a condition per line, refund).

import { getJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import type { ReturnView, TicketView } from "../shared/api-types";

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

/** What a return waits for, by the step the server allows it now. */
const waitingFor: [ReturnView["allowedActions"][number], string][] = [
  ["approve", "to approve"],
  ["receive", "waiting for the goods"],
  ["refund", "to refund"],
];

/** Fills the panel from /api/after-sales/board; each row carries its order id, which the wall opens on a click. */
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
      showMessage(this.message, null);
    } catch (error) {
      showMessage(this.message, error instanceof Error ? error.message : String(error));
    }
  }

  private show(board: AfterSalesBoard): void {
    const ratings =
      board.feedback.count === 0
        ? "No ratings yet."
        : `Average ${board.feedback.average.toFixed(2)} from ${board.feedback.count} rating${board.feedback.count === 1 ? "" : "s"}.`;
    const open = board.returns.filter((r) => r.allowedActions.some((a) => a !== "exchange"));
    this.panel.replaceChildren(
      this.message,
      el("h3", {}, `Returns to work (${open.length})`),
      el(
        "ul",
        { class: "order-list", "data-testid": "after-sales-returns" },
        ...(open.length ? open.map(returnItem) : [el("li", { class: "empty" }, "No return waits for a step.")]),
      ),
      el("h3", {}, `Open tickets (${board.tickets.length})`),
      el(
        "ul",
        { class: "order-list", "data-testid": "after-sales-tickets" },
        ...board.tickets.map((t) =>
          el(
            "li",
            { "data-order-id": t.orderId },
            el("button", { type: "button", class: "order-id" }, t.orderId),
            `${t.id} · ${t.category} · ${t.status}`,
          ),
        ),
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
}

function returnItem(r: ReturnView): HTMLElement {
  const lines = r.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ");
  const next = waitingFor.find(([action]) => r.allowedActions.includes(action))?.[1] ?? r.status;
  return el(
    "li",
    { "data-return": r.id, "data-order-id": r.orderId },
    el("button", { type: "button", class: "order-id" }, r.orderId),
    el("span", {}, `${r.id}: ${next}`),
    el("span", { class: "quiet" }, `${lines} — “${r.reason}”`),
  );
}
