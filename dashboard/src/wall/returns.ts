// The order detail's returns (RMA) and tickets, with the steps the server allows each return now: approve, decline
// (with the reason the customer is told), receive with a condition per line (resaleable goes back to stock, damaged
// is written off), refund with the method chosen from a list, exchange; and each ticket's: reply, resolve, close.
// Staff open a return or a ticket for a customer who calls, when the order's after-sales say it may be opened now.

import { patchJson, postJson } from "../shared/api";
import { el } from "../shared/dom";
import { field } from "../shared/fields";
import { formatDateTime, formatMoney } from "../shared/format";
import {
  ticketActions,
  type OrderAfterSales,
  type OrderView,
  type ReturnAction,
  type ReturnView,
  type TicketAction,
  type TicketView,
} from "../shared/api-types";
import { actionButton, part, path, type Detail } from "./detail-context";

/** How a refund was paid, as the API records it (`method`, docs/api.md), and in words. */
export const refundMethods: [string, string][] = [
  ["card", "Card (the original payment)"],
  ["store-credit", "Store credit"],
  ["bank-transfer", "Bank transfer"],
  ["cash", "Cash (in store)"],
  ["gift-card", "Gift card"],
];

const returnStatusLabels: Record<string, string> = {
  Requested: "Requested: to approve",
  Approved: "Approved: waiting for the goods",
  Declined: "Declined",
  Received: "Received: to refund",
  Refunded: "Refunded",
};

/** The ticket topics the API takes (`TicketCategory`). */
const ticketCategories = ["Damaged", "MissingItem", "Late", "WrongItem", "Billing", "Other"] as const;

const ticketWords: Record<string, string> = {
  Damaged: "Damaged",
  MissingItem: "Missing item",
  Late: "Late",
  WrongItem: "Wrong item",
  Billing: "Billing",
  Other: "Other",
  Open: "Open",
  Answered: "Answered",
  WaitingOnCustomer: "Waiting on customer",
  Resolved: "Resolved",
  Closed: "Closed",
};

export function returnsPart(order: OrderView, afterSales: OrderAfterSales | null, detail: Detail): HTMLElement | null {
  if (!afterSales) {
    return null;
  }
  const canRequest = afterSales.allowedActions.includes("request-return");
  const canOpenTicket = afterSales.allowedActions.includes("open-ticket");
  if (afterSales.returns.length === 0 && afterSales.tickets.length === 0 && !canRequest && !canOpenTicket) {
    return null;
  }
  const slot = el("div", { class: "row-form" });
  const opening = [
    canRequest
      ? actionButton("Open a return…", "request-return", () => requestForm(order, slot, detail), "primary")
      : null,
    canOpenTicket ? actionButton("Open a ticket…", "open-ticket", () => ticketForm(order, slot, detail)) : null,
  ].filter((b): b is HTMLButtonElement => b !== null);
  return part(
    "Returns and tickets",
    "returns",
    opening.length ? el("div", { class: "row-actions" }, ...opening) : null,
    slot,
    afterSales.returns.length
      ? el("ul", { class: "step-list" }, ...afterSales.returns.map((r) => returnItem(r, afterSales.currency, detail)))
      : null,
    afterSales.tickets.length
      ? el(
          "ul",
          { class: "step-list", "data-testid": "tickets" },
          ...afterSales.tickets.map((t) =>
            ticketItem(t, afterSales.ticketActions.find((a) => a.ticketId === t.id)?.allowedActions ?? [], detail),
          ),
        )
      : null,
  );
}

/** A ticket with its messages and the steps the server allows staff now: reply, resolve, close. */
function ticketItem(t: TicketView, allowed: TicketAction[], detail: Detail): HTMLElement {
  const slot = el("div", { class: "row-form" });
  const base = `/api/tickets/${path(t.id)}`;
  const status = (to: "Resolved" | "Closed") => () =>
    detail.step(() => patchJson<unknown>(base, { apiKey: detail.apiKey, body: { status: to } }));
  const buttons = ticketActions
    .filter((action) => allowed.includes(action))
    .map((action) => {
      switch (action) {
        case "reply":
          return actionButton("Reply…", "reply", () => replyForm(t, base, slot, detail), "primary");
        case "resolve":
          return actionButton("Mark resolved", "resolve", status("Resolved"));
        case "close":
          return actionButton("Close ticket", "close", status("Closed"), "danger");
      }
    });
  return el(
    "li",
    { "data-ticket": t.id, "data-status": t.status },
    el(
      "div",
      { class: "row-head" },
      el("strong", {}, `Ticket ${t.id}`),
      el("span", {}, ticketWords[t.category] ?? t.category),
      el("span", { class: "row-status", "data-testid": "ticket-status" }, ticketWords[t.status] ?? t.status),
      el("span", { class: "quiet" }, formatDateTime(t.updatedAt)),
    ),
    el(
      "ol",
      { class: "plain-list ticket-messages" },
      ...t.messages.map((m) =>
        el(
          "li",
          { "data-testid": "ticket-message" },
          el("strong", {}, m.from.kind === "Customer" ? "Customer" : m.from.name),
          `: ${m.text} `,
          el("span", { class: "quiet" }, formatDateTime(m.at)),
        ),
      ),
    ),
    buttons.length ? el("div", { class: "row-actions" }, ...buttons) : null,
    slot,
  );
}

/** Staff open a ticket for a customer who calls or writes, in the customer's words. */
function ticketForm(order: OrderView, slot: HTMLElement, detail: Detail): void {
  const category = el(
    "select",
    { name: "category", "data-testid": "ticket-category" },
    ...ticketCategories.map((c) => el("option", { value: c }, ticketWords[c])),
  );
  const message = el("textarea", {
    name: "message",
    rows: "3",
    maxlength: "2000",
    "data-testid": "ticket-message-text",
  });
  detail.form(slot, {
    title: `Open a ticket on order ${order.id}`,
    testId: "open-ticket-form",
    fields: [field("About", category, "category"), field("What the customer says", message, "message")],
    submit: "Open the ticket",
    send: () =>
      postJson<unknown>(`/api/orders/${path(order.id)}/tickets`, {
        apiKey: detail.apiKey,
        body: { category: category.value, message: message.value.trim() || null },
      }).then(() => undefined),
  });
}

function replyForm(t: TicketView, base: string, slot: HTMLElement, detail: Detail): void {
  const text = el("textarea", { name: "text", rows: "3", maxlength: "2000", "data-testid": "ticket-reply-text" });
  detail.form(slot, {
    title: `Answer ticket ${t.id}`,
    testId: "ticket-reply-form",
    fields: [field("Answer (the customer reads this on the tracking page)", text, "text")],
    submit: "Send the answer",
    send: () =>
      postJson<unknown>(`${base}/messages`, { apiKey: detail.apiKey, body: { text: text.value.trim() || null } }).then(
        () => undefined,
      ),
  });
}

function returnItem(r: ReturnView, currency: string, detail: Detail): HTMLElement {
  const slot = el("div", { class: "row-form" });
  const base = `/api/returns/${path(r.id)}`;
  const labels: Record<ReturnAction, string> = {
    approve: "Approve return",
    decline: "Decline…",
    receive: "Receive goods…",
    refund: "Refund…",
    exchange: "Send a replacement",
  };
  const buttons = r.allowedActions.map((action) => {
    switch (action) {
      case "decline":
        return actionButton(labels.decline, "decline", () => declineForm(r, base, slot, detail), "danger");
      case "receive":
        return actionButton(labels.receive, "receive", () => receiveForm(r, base, slot, detail), "primary");
      case "refund":
        return actionButton(labels.refund, "refund", () => refundForm(r, base, currency, slot, detail), "primary");
      default:
        return actionButton(
          labels[action],
          action,
          () => detail.step(() => postJson<unknown>(`${base}/${action}`, { apiKey: detail.apiKey })),
          action === "approve" ? "primary" : undefined,
        );
    }
  });
  const lines = r.lines.map((line) => {
    const received =
      line.resaleable + line.damaged > 0
        ? ` (received: ${[
            line.resaleable ? `${line.resaleable} back to stock` : "",
            line.damaged ? `${line.damaged} damaged, written off` : "",
          ]
            .filter(Boolean)
            .join(", ")})`
        : "";
    return el("li", { "data-sku": line.sku }, `${line.quantity} × ${line.name}${received}`);
  });
  return el(
    "li",
    { "data-return": r.id, "data-status": r.status },
    el(
      "div",
      { class: "row-head" },
      el("strong", {}, r.id),
      el("span", { class: "row-status" }, returnStatusLabels[r.status] ?? r.status),
      el("span", { class: "quiet" }, formatDateTime(r.requestedAt)),
    ),
    el("p", { class: "return-reason" }, `“${r.reason}”`),
    el("ul", { class: "plain-list" }, ...lines),
    r.declineReason ? el("p", {}, `Declined: ${r.declineReason}`) : null,
    r.refund
      ? el(
          "p",
          { "data-testid": "refund" },
          `Refunded ${formatMoney(r.refund.amount, currency)} by ${methodWords(r.refund.method)}` +
            (r.refund.reference ? ` (reference ${r.refund.reference})` : "") +
            ".",
        )
      : null,
    r.replacementOrderId ? replacement(r.replacementOrderId, detail) : null,
    buttons.length ? el("div", { class: "row-actions" }, ...buttons) : null,
    slot,
  );
}

function replacement(orderId: string, detail: Detail): HTMLElement {
  const open = el("button", { type: "button", class: "order-id" }, orderId);
  open.addEventListener("click", () => detail.open(orderId));
  return el("p", {}, "Replacement order ", open);
}

function methodWords(method: string): string {
  return refundMethods.find(([value]) => value === method)?.[1] ?? method;
}

function requestForm(order: OrderView, slot: HTMLElement, detail: Detail): void {
  const quantities = order.lines.map((line) =>
    el("input", { type: "number", min: "0", max: String(line.quantity), value: "0", inputmode: "numeric" }),
  );
  const lineFields = order.lines.map((line, i) =>
    field(
      `Units of ${line.name} (${line.sku}) coming back`,
      quantities[i],
      `line:${line.sku}`,
      `ordered ${line.quantity}`,
    ),
  );
  const reason = el("input", { type: "text", name: "reason", maxlength: "500", "data-testid": "return-reason" });
  detail.form(slot, {
    title: `Open a return for order ${order.id}`,
    testId: "request-return-form",
    fields: [...lineFields, field("Why it is coming back (the customer's words)", reason, "reason")],
    submit: "Open the return",
    send: async () => {
      const chosen = order.lines
        .map((line, i) => ({ line, i, quantity: quantities[i].valueAsNumber || 0 }))
        .filter((c) => c.quantity > 0);
      // Errors come back by the position in the request: point each at its line's field.
      for (const box of lineFields) {
        repath(box, box.dataset.field!);
      }
      chosen.forEach((c, k) => repath(lineFields[c.i], `lines[${k}].quantity`));
      await postJson<unknown>(`/api/orders/${path(order.id)}/returns`, {
        apiKey: detail.apiKey,
        body: {
          lines: chosen.map((c) => ({ sku: c.line.sku, quantity: c.quantity })),
          reason: reason.value.trim() || null,
        },
      });
    },
  });
}

function declineForm(r: ReturnView, base: string, slot: HTMLElement, detail: Detail): void {
  const reason = el("input", { type: "text", name: "reason", maxlength: "500" });
  detail.form(slot, {
    title: `Decline return ${r.id}`,
    testId: "decline-form",
    fields: [field("Why (the customer is told this)", reason, "reason")],
    submit: "Decline the return",
    danger: true,
    send: () =>
      postJson<unknown>(`${base}/decline`, {
        apiKey: detail.apiKey,
        body: { reason: reason.value.trim() || null },
      }).then(() => undefined),
  });
}

function receiveForm(r: ReturnView, base: string, slot: HTMLElement, detail: Detail): void {
  const rows = r.lines.map((line, i) => {
    const quantity = el("input", {
      type: "number",
      min: "0",
      max: String(line.quantity),
      value: String(line.quantity),
      inputmode: "numeric",
    });
    const condition = el(
      "select",
      { "data-testid": "receive-condition", "data-sku": line.sku },
      el("option", { value: "Resaleable" }, "Resaleable: back to stock"),
      el("option", { value: "Damaged" }, "Damaged: write off"),
    );
    const box = el(
      "fieldset",
      { class: "receive-line", "data-sku": line.sku },
      el("legend", {}, `${line.name} (${line.sku}), ${line.quantity} on the return`),
      field("Units received", quantity, `lines[${i}].quantity`),
      field("Condition", condition, `lines[${i}].condition`),
    );
    return { line, quantity, condition, box };
  });
  detail.form(slot, {
    title: `Receive return ${r.id}`,
    testId: "receive-form",
    fields: rows.map((row) => row.box),
    submit: "Count the goods in",
    send: () =>
      postJson<unknown>(`${base}/receive`, {
        apiKey: detail.apiKey,
        body: {
          lines: rows.map((row) => ({
            sku: row.line.sku,
            quantity: row.quantity.valueAsNumber || 0,
            condition: row.condition.value,
          })),
        },
      }).then(() => undefined),
  });
}

function refundForm(r: ReturnView, base: string, currency: string, slot: HTMLElement, detail: Detail): void {
  const method = el(
    "select",
    { name: "method", "data-testid": "refund-method" },
    ...refundMethods.map(([value, words]) => el("option", { value }, words)),
  );
  const reference = el("input", { type: "text", name: "reference", maxlength: "100" });
  // What the server will pay back (received units at the order's prices), shown so staff know before they confirm.
  const amount = r.lines.reduce((sum, line) => sum + (line.resaleable + line.damaged) * line.unitPrice, 0);
  detail.form(slot, {
    title: `Refund ${formatMoney(amount, currency)} for return ${r.id}`,
    testId: "refund-form",
    fields: [field("Paid back by", method, "method"), field("Payment reference (optional)", reference, "reference")],
    submit: "Record the refund",
    send: () =>
      postJson<unknown>(`${base}/refund`, {
        apiKey: detail.apiKey,
        body: { method: method.value, reference: reference.value.trim() || null },
      }).then(() => undefined),
  });
}

/** Points a field (built with `field`) at another request path, for errors answered by position. */
function repath(box: HTMLElement, to: string): void {
  const control = box.querySelector<HTMLElement>("[data-path]");
  const error = box.querySelector<HTMLElement>("[data-error-for]");
  if (control) {
    control.dataset.path = to;
  }
  if (error) {
    error.dataset.errorFor = to;
  }
}
