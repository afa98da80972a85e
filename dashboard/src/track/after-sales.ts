// Returns and help on the tracking page: the customer asks for a return, opens a ticket and writes on it, and rates the
// order once the rating is due. Everything is authorised by the order's tracking token; each form is shown only when
// the server's allowed actions offer it (the page never guesses). Every return, ticket or refund step is also an entry
// on the order's timeline, so each live update of the order reads the lists again: they change without a reload,
// while a form being filled in stays as it is.

import { ApiError, getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import type {
  AfterSalesAction,
  CustomerAfterSales,
  CustomerReturn,
  ReturnableLine,
  TicketView,
} from "../shared/api-types";
import { formatMoney, returnReasons, returnState, ticketState, ticketTopic, ticketTopics } from "./words";

/** What the panel needs of the order it belongs to. */
export interface AfterSalesOrder {
  id: string;
  version: number;
  currency: string;
}

export class AfterSales {
  private readonly message = el("p", { class: "error", role: "alert", hidden: true });
  private readonly returns = el("ul", { class: "after-sales-returns", "data-testid": "returns" });
  private readonly tickets = el("div", { class: "tickets", "data-testid": "tickets" });
  private readonly forms = el("div", { class: "after-sales-forms" });
  private readonly feedback = el("div", { class: "feedback" });
  private readonly replies = new Map<string, HTMLFormElement>();
  private readonly title = el("h2", {}, "Need help?");
  private returnForm: HTMLFormElement | null = null;
  private rateForm: HTMLFormElement | null = null;
  /** Puts what may still be sent back into the open return form, keeping the customer's choice while it is listed. */
  private offerReturnable: ((lines: ReturnableLine[]) => void) | null = null;
  private ticketForm: HTMLFormElement | null = null;
  private order: AfterSalesOrder | null = null;
  private loadedVersion = -1;
  private loading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly area: HTMLElement,
    private readonly token: string,
  ) {
    area.replaceChildren(this.title, this.message, this.returns, this.tickets, this.forms, this.feedback);
  }

  /** The order changed (or was first read): the lists are read again when its version is newer than the last read. */
  update(order: AfterSalesOrder): void {
    this.order = order;
    if (order.version <= this.loadedVersion) {
      return;
    }
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) {
        this.again = false;
        if (this.order) {
          this.update(this.order);
        }
      }
    });
  }

  private get base(): string {
    return `/api/track/${encodeURIComponent(this.order?.id ?? "")}`;
  }

  private get query(): string {
    return `?token=${encodeURIComponent(this.token)}`;
  }

  private async load(): Promise<void> {
    const order = this.order;
    if (!order) {
      return;
    }
    let state: CustomerAfterSales;
    try {
      state = await getJson<CustomerAfterSales>(`${this.base}/after-sales${this.query}`);
    } catch {
      // Read again with the next change of the order; what is shown stays.
      return;
    }
    this.loadedVersion = Math.max(this.loadedVersion, order.version);
    this.render(state, order);
  }

  /** Sends a step; a refusal shows in `errorSlot` (beside the form's button) when given, else above the panel. */
  private async act(
    path: string,
    body: unknown,
    form: HTMLFormElement | null,
    errorSlot: HTMLElement | null = null,
  ): Promise<boolean> {
    showMessage(this.message, null);
    if (errorSlot) {
      showMessage(errorSlot, null);
    }
    form?.querySelectorAll<HTMLButtonElement>("button").forEach((b) => (b.disabled = true));
    try {
      await postJson(`${this.base}/${path}${this.query}`, { body });
      this.loadedVersion = -1;
      await this.load();
      return true;
    } catch (error) {
      showMessage(errorSlot ?? this.message, refusalWords(error));
      return false;
    } finally {
      form?.querySelectorAll<HTMLButtonElement>("button").forEach((b) => (b.disabled = false));
    }
  }

  private render(state: CustomerAfterSales, order: AfterSalesOrder): void {
    const allowed = (action: AfterSalesAction): boolean => state.allowedActions.includes(action);
    this.returns.replaceChildren(...state.returns.map((r) => returnItem(r, order.currency)));
    this.returns.hidden = state.returns.length === 0;
    this.renderTickets(state.tickets);

    if (allowed("request-return") && state.returnable.length > 0) {
      this.returnForm ??= this.newReturnForm();
      this.offerReturnable?.(state.returnable);
    } else {
      this.returnForm = null;
      this.offerReturnable = null;
    }
    if (allowed("open-ticket")) {
      this.ticketForm ??= this.newTicketForm();
    } else {
      this.ticketForm = null;
    }
    const forms = [this.returnForm, this.ticketForm].filter((f): f is HTMLFormElement => f !== null);
    // Only a change of which forms are offered touches them: one being filled in keeps its text and focus.
    if (forms.length !== this.forms.children.length || forms.some((f, i) => this.forms.children[i] !== f)) {
      this.forms.replaceChildren(...forms);
    }
    if (state.feedback.rating !== null) {
      this.rateForm = null;
      this.feedback.replaceChildren(
        el(
          "p",
          { "data-testid": "feedback-given" },
          `Thank you for rating this order ${state.feedback.rating} out of 5.`,
        ),
      );
    } else if (allowed("rate")) {
      this.rateForm ??= feedbackForm((rating, comment, form) =>
        this.act("feedback", { rating, comment: comment || null }, form),
      );
      if (this.feedback.firstChild !== this.rateForm) {
        this.feedback.replaceChildren(this.rateForm);
      }
    } else {
      this.rateForm = null;
      this.feedback.replaceChildren();
    }
    this.title.textContent = state.returns.length > 0 || this.returnForm ? "Returns and help" : "Need help?";
    this.area.hidden =
      state.returns.length === 0 && state.tickets.length === 0 && forms.length === 0 && !this.feedback.hasChildNodes();
  }

  private renderTickets(tickets: TicketView[]): void {
    this.tickets.replaceChildren(
      ...tickets.map((t) => {
        let reply = this.replies.get(t.id) ?? null;
        if (t.allowedActions.includes("reply")) {
          reply ??= this.newReply(t.id);
          this.replies.set(t.id, reply);
        } else {
          this.replies.delete(t.id);
          reply = null;
        }
        return el(
          "section",
          { class: "ticket", "data-ticket": t.id, "data-status": t.status },
          el(
            "h3",
            {},
            ticketTopic(t.category),
            el("span", { class: `badge badge-${t.status}` }, ticketState(t.status)),
          ),
          el("p", { class: "ticket-number" }, `Ticket ${t.id}`),
          el(
            "ol",
            { class: "messages" },
            ...t.messages.map((m) =>
              el(
                "li",
                { class: m.from.kind === "Customer" ? "from-you" : "from-us" },
                el("strong", {}, m.from.kind === "Customer" ? "You" : "Support"),
                el("span", {}, m.text),
              ),
            ),
          ),
          reply,
        );
      }),
    );
  }

  private newReply(ticketId: string): HTMLFormElement {
    const text = el("input", {
      name: "text",
      required: true,
      maxlength: 2000,
      placeholder: "Write a reply",
      "aria-label": "Your reply",
    });
    const form = el("form", { class: "reply-form" }, text, el("button", { type: "submit", class: "button" }, "Send"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.act(`tickets/${encodeURIComponent(ticketId)}/messages`, { text: text.value }, form).then((ok) => {
        if (ok) {
          text.value = "";
        }
      });
    });
    return form;
  }

  private newReturnForm(): HTMLFormElement {
    const sku = el("select", { name: "sku", id: "return-sku" });
    const quantity = el("input", {
      name: "quantity",
      id: "return-quantity",
      type: "number",
      min: 1,
      max: 1,
      value: 1,
      inputmode: "numeric",
    });
    let offered: ReturnableLine[] = [];
    const limit = (): void => {
      quantity.max = String(offered.find((l) => l.sku === sku.value)?.quantity ?? 1);
    };
    sku.addEventListener("change", limit);
    this.offerReturnable = (lines) => {
      const same =
        lines.length === offered.length &&
        lines.every((l, i) => l.sku === offered[i]?.sku && l.quantity === offered[i]?.quantity);
      if (same) {
        return;
      }
      offered = lines;
      const chosen = sku.value;
      sku.replaceChildren(
        ...lines.map((l) =>
          el("option", { value: l.sku }, l.quantity > 1 ? `${l.name} (up to ${l.quantity})` : l.name),
        ),
      );
      if (lines.some((l) => l.sku === chosen)) {
        sku.value = chosen;
      }
      limit();
    };
    const reason = el(
      "select",
      { name: "reason", id: "return-reason" },
      ...returnReasons.map((r) => el("option", { value: r }, r)),
    );
    const details = el("textarea", {
      name: "details",
      id: "return-details",
      maxlength: 400,
      rows: 3,
      placeholder: "Tell us more (optional)",
    });
    const refused = el("p", { class: "error", role: "alert", "data-testid": "return-refused", hidden: true });
    const form = el(
      "form",
      { class: "track-form", "data-testid": "return-form" },
      el("h3", {}, "Send something back"),
      el(
        "div",
        { class: "field-row" },
        el("div", { class: "field" }, el("label", { for: "return-sku" }, "Item"), sku),
        el("div", { class: "field field-quantity" }, el("label", { for: "return-quantity" }, "How many"), quantity),
      ),
      el("div", { class: "field" }, el("label", { for: "return-reason" }, "Why?"), reason),
      el("div", { class: "field" }, el("label", { for: "return-details" }, "Details"), details),
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", class: "button button-primary" }, "Request return"),
        refused,
      ),
    );
    form.addEventListener("input", () => showMessage(refused, null));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const why = details.value.trim() ? `${reason.value}: ${details.value.trim()}` : reason.value;
      void this.act(
        "returns",
        { lines: [{ sku: sku.value, quantity: Number(quantity.value) }], reason: why },
        form,
        refused,
      ).then((ok) => {
        if (ok) {
          details.value = "";
          quantity.value = "1";
        }
      });
    });
    return form;
  }

  private newTicketForm(): HTMLFormElement {
    const category = el(
      "select",
      { name: "category", id: "ticket-category" },
      ...ticketTopics.map((t) => el("option", { value: t.value }, t.label)),
    );
    const text = el("textarea", { name: "message", id: "ticket-message", required: true, maxlength: 2000, rows: 3 });
    const form = el(
      "form",
      { class: "track-form", "data-testid": "ticket-form" },
      el("h3", {}, "Something wrong?"),
      el("div", { class: "field" }, el("label", { for: "ticket-category" }, "What is it about?"), category),
      el("div", { class: "field" }, el("label", { for: "ticket-message" }, "Message"), text),
      el("div", { class: "form-actions" }, el("button", { type: "submit", class: "button" }, "Contact us")),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.act("tickets", { category: category.value, message: text.value }, form).then((ok) => {
        if (ok) {
          text.value = "";
        }
      });
    });
    return form;
  }
}

function returnItem(r: CustomerReturn, currency: string): HTMLElement {
  const what = r.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ");
  return el(
    "li",
    { class: "return", "data-return": r.id, "data-status": r.status },
    el(
      "p",
      { class: "return-head" },
      el("strong", {}, what),
      el("span", { class: `badge badge-${r.status}`, "data-testid": "return-status" }, returnState(r.status)),
    ),
    el("p", { class: "return-detail" }, `Return ${r.id} · ${r.reason}`),
    r.status === "Declined" && r.declineReason ? el("p", { class: "return-detail" }, `Why: ${r.declineReason}`) : null,
    r.refundedAmount !== null
      ? el(
          "p",
          { class: "return-refund", "data-testid": "return-refund" },
          `Refunded ${formatMoney(r.refundedAmount, currency)}`,
        )
      : null,
    r.replacementOrderId
      ? el("p", { class: "return-detail" }, `A replacement is on its way (order ${r.replacementOrderId}).`)
      : null,
  );
}

function feedbackForm(
  submit: (rating: number, comment: string, form: HTMLFormElement) => Promise<boolean>,
): HTMLFormElement {
  const rating = el(
    "select",
    { name: "rating", id: "feedback-rating" },
    ...[5, 4, 3, 2, 1].map((n) => el("option", { value: n }, `${n} out of 5`)),
  );
  const comment = el("textarea", { name: "comment", id: "feedback-comment", maxlength: 1000, rows: 2 });
  const form = el(
    "form",
    { class: "track-form", "data-testid": "feedback-form" },
    el("h3", {}, "How did we do?"),
    el("div", { class: "field" }, el("label", { for: "feedback-rating" }, "Rating"), rating),
    el("div", { class: "field" }, el("label", { for: "feedback-comment" }, "Comment (optional)"), comment),
    el("div", { class: "form-actions" }, el("button", { type: "submit", class: "button" }, "Send rating")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit(Number(rating.value), comment.value, form);
  });
  return form;
}

/** A refusal in the customer's words: the messages of the fields at fault, without the request's field paths. */
function refusalWords(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return String(error);
  }
  const fields = Object.values(error.fields).flat();
  return fields.length > 0 ? fields.join(" ") : error.message;
}
