// After-sales on the tracking page: the customer asks for a return, opens a ticket and writes on it, and rates the
// order once the rating is due. Everything is authorised by the order's tracking token; each form is shown only when
// the server's allowed actions offer it (the page never guesses).

import { ApiError, getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import type { AfterSalesAction, TicketAction } from "../shared/types";

interface ReturnLine {
  sku: string;
  name: string;
  quantity: number;
}

interface ReturnView {
  id: string;
  status: string;
  lines: ReturnLine[];
  replacementOrderId: string | null;
}

interface TicketMessage {
  number: number;
  from: { kind: string };
  text: string;
}

interface TicketView {
  id: string;
  category: string;
  status: string;
  messages: TicketMessage[];
  allowedActions: TicketAction[];
}

interface FeedbackView {
  rating: number | null;
  comment: string | null;
}

interface CustomerAfterSales {
  returns: ReturnView[];
  tickets: TicketView[];
  feedback: FeedbackView;
  /** What the customer may do now (the server decides). */
  allowedActions: AfterSalesAction[];
}

/** A line of the order the customer may send back. */
export interface ReturnableLine {
  sku: string;
  name: string;
  quantity: number;
}

const categories = ["Damaged", "MissingItem", "Late", "WrongItem", "Billing", "Other"];

/**
 * Shows the after-sales section of a delivered order in `area`, once: live order updates leave it alone so a form being
 * filled in is not wiped; it reloads itself after each action.
 */
export async function showAfterSales(
  area: HTMLElement,
  orderId: string,
  token: string,
  lines: ReturnableLine[],
): Promise<void> {
  if (area.dataset.orderId === orderId) {
    return;
  }
  area.dataset.orderId = orderId;
  try {
    await load(area, orderId, token, lines);
  } catch (error) {
    delete area.dataset.orderId;
    throw error;
  }
}

async function load(area: HTMLElement, orderId: string, token: string, lines: ReturnableLine[]): Promise<void> {
  const base = `/api/track/${encodeURIComponent(orderId)}`;
  const query = `?token=${encodeURIComponent(token)}`;
  const message = el("p", { class: "error", role: "alert", hidden: true });

  const act = async (path: string, body: unknown): Promise<void> => {
    try {
      await postJson(`${base}/${path}${query}`, { body });
      await load(area, orderId, token, lines);
    } catch (error) {
      showMessage(message, error instanceof ApiError ? error.message : String(error));
    }
  };

  const state = await getJson<CustomerAfterSales>(`${base}/after-sales${query}`);
  const allowed = (action: AfterSalesAction): boolean => state.allowedActions.includes(action);
  area.hidden = false;
  area.replaceChildren(
    el("h2", {}, "Returns and help"),
    message,
    returnsList(state.returns),
    allowed("request-return")
      ? returnForm(lines, (sku, quantity, reason) => act("returns", { lines: [{ sku, quantity }], reason }))
      : "",
    ticketsList(state.tickets, (id, text) => act(`tickets/${encodeURIComponent(id)}/messages`, { text })),
    allowed("open-ticket") ? ticketForm((category, text) => act("tickets", { category, message: text })) : "",
    feedbackForm(state.feedback, allowed("rate"), (rating, comment) =>
      act("feedback", { rating, comment: comment || null }),
    ) ?? "",
  );
}

function returnsList(returns: ReturnView[]): HTMLElement {
  return el(
    "ul",
    { class: "after-sales-returns", "data-testid": "returns" },
    ...returns.map((r) =>
      el(
        "li",
        { "data-return": r.id },
        `${r.id}: ${r.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")} — ${r.status}`,
        r.replacementOrderId ? ` (replacement order ${r.replacementOrderId})` : "",
      ),
    ),
  );
}

function returnForm(
  lines: ReturnableLine[],
  submit: (sku: string, quantity: number, reason: string) => void,
): HTMLElement {
  const sku = el("select", { name: "sku" }, ...lines.map((l) => el("option", { value: l.sku }, l.name)));
  const quantity = el("input", { name: "quantity", type: "number", min: 1, value: 1 });
  const reason = el("input", {
    name: "reason",
    required: true,
    maxlength: 500,
    placeholder: "Why are you returning it?",
  });
  const form = el(
    "form",
    { class: "after-sales-form", "data-testid": "return-form" },
    el("h3", {}, "Return an item"),
    el("label", {}, "Item ", sku),
    el("label", {}, "Quantity ", quantity),
    el("label", {}, "Reason ", reason),
    el("button", { type: "submit" }, "Request return"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(sku.value, Number(quantity.value), reason.value);
  });
  return form;
}

function ticketsList(tickets: TicketView[], reply: (id: string, text: string) => void): HTMLElement {
  return el(
    "div",
    { "data-testid": "tickets" },
    ...tickets.map((t) => {
      const text = el("input", { name: "text", required: true, maxlength: 2000, placeholder: "Write a reply" });
      const form = el("form", { class: "after-sales-form" }, text, el("button", { type: "submit" }, "Send"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        reply(t.id, text.value);
      });
      return el(
        "section",
        { class: "ticket", "data-ticket": t.id },
        el("h3", {}, `${t.id} · ${t.category} · ${t.status}`),
        el(
          "ol",
          {},
          ...t.messages.map((m) => el("li", {}, `${m.from.kind === "Customer" ? "You" : "Support"}: ${m.text}`)),
        ),
        t.allowedActions.includes("reply") ? form : null,
      );
    }),
  );
}

function ticketForm(submit: (category: string, text: string) => void): HTMLElement {
  const category = el("select", { name: "category" }, ...categories.map((c) => el("option", { value: c }, c)));
  const text = el("textarea", { name: "message", required: true, maxlength: 2000 });
  const form = el(
    "form",
    { class: "after-sales-form", "data-testid": "ticket-form" },
    el("h3", {}, "Something wrong?"),
    el("label", {}, "Topic ", category),
    el("label", {}, "Message ", text),
    el("button", { type: "submit" }, "Contact us"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(category.value, text.value);
  });
  return form;
}

function feedbackForm(
  feedback: FeedbackView,
  canRate: boolean,
  submit: (rating: number, comment: string) => void,
): HTMLElement | null {
  if (feedback.rating !== null) {
    return el("p", { "data-testid": "feedback-given" }, `Thank you for rating this order ${feedback.rating} out of 5.`);
  }
  if (!canRate) {
    return null;
  }
  const rating = el("select", { name: "rating" }, ...[5, 4, 3, 2, 1].map((n) => el("option", { value: n }, `${n}`)));
  const comment = el("textarea", { name: "comment", maxlength: 1000 });
  const form = el(
    "form",
    { class: "after-sales-form", "data-testid": "feedback-form" },
    el("h3", {}, "How did we do?"),
    el("label", {}, "Rating ", rating),
    el("label", {}, "Comment ", comment),
    el("button", { type: "submit" }, "Send rating"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(Number(rating.value), comment.value);
  });
  return form;
}
