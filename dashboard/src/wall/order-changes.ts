// Changing an order before picking, from the wall's order detail: quantities, removed lines, the ship-to address.
// Awaiting review, the change is a correction: the server validates it again and the rules decide whether it proceeds.

import { postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import { clearFieldErrors, field, showFieldErrors } from "../shared/fields";
import type { OrderView } from "../shared/api-types";

type AddressField = "name" | "line1" | "line2" | "city" | "postalCode" | "country";

const addressFields: [AddressField, string][] = [
  ["name", "Name"],
  ["line1", "Address"],
  ["line2", "Address line 2"],
  ["city", "City"],
  ["postalCode", "Postcode"],
  ["country", "Country"],
];

/** The server allows a modification, or (awaiting review) a correction. */
export function canChange(order: OrderView): boolean {
  return order.allowedActions.includes("modify") || correcting(order);
}

/** Awaiting review, a change is a correction: validated again, then the rules decide whether the order proceeds. */
function correcting(order: OrderView): boolean {
  return order.allowedActions.includes("correct");
}

/** Sends the change: a correction while the order awaits review, a modification otherwise. */
export function saveChange(order: OrderView, body: unknown, apiKey: string | null): Promise<OrderView> {
  const id = encodeURIComponent(order.id);
  const path = correcting(order) ? `/api/review-queue/${id}/correction` : `/api/orders/${id}/modification`;
  return postJson<OrderView>(path, { apiKey, body });
}

/**
 * The change form: one quantity per line (0 removes it) and the address, each with its label above it and its own
 * error line below (the API's field errors by path, e.g. shipTo.postalCode); `save` sends the body and rejects with
 * the API's refusal, which the form shows beside the fields it names.
 */
export function changeForm(order: OrderView, save: (body: unknown) => Promise<void>): HTMLElement {
  const quantities = order.lines.map((line) =>
    el("input", {
      type: "number",
      min: "0",
      max: "10000",
      value: String(line.quantity),
      "aria-label": `Quantity of ${line.name}`,
    }),
  );
  // A click & collect order has no address to change.
  const shipTo = order.shipTo;
  const address = (shipTo ? addressFields : []).map(([name, label]) => {
    const input = el("input", {
      type: "text",
      value: shipTo?.[name] ?? "",
      maxlength: name === "postalCode" ? "20" : name === "country" ? "2" : "200",
    });
    return { name, input, row: field(label, input, `shipTo.${name}`) };
  });
  const formError = el("p", { class: "error", "data-testid": "order-change-error", role: "alert", hidden: true });
  const button = el(
    "button",
    { type: "submit", "data-testid": "order-change-save" },
    correcting(order) ? "Save and re-validate" : "Save changes",
  );
  const form = el(
    "form",
    { class: "order-change", "data-testid": "order-change" },
    el(
      "table",
      { class: "change-lines" },
      el("thead", {}, el("tr", {}, el("th", {}, "Line"), el("th", { class: "number" }, "Quantity (0 removes it)"))),
      el(
        "tbody",
        {},
        ...order.lines.map((line, i) =>
          el("tr", {}, el("td", {}, `${line.name} (${line.sku})`), el("td", { class: "number" }, quantities[i])),
        ),
      ),
    ),
    address.length ? el("div", { class: "change-address" }, ...address.map((a) => a.row)) : null,
    formError,
    button,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    showMessage(formError, null);
    const lines = order.lines
      .map((line, i) => ({ sku: line.sku, quantity: Number(quantities[i].value) }))
      .filter((line) => line.quantity > 0);
    const changed = Object.fromEntries(address.map((a) => [a.name, a.input.value.trim() || null]));
    save(shipTo ? { lines, shipTo: changed } : { lines }).catch((failure: unknown) =>
      showMessage(formError, showFieldErrors(form, failure)),
    );
  });
  return el("details", {}, el("summary", {}, correcting(order) ? "Correct the order" : "Change the order"), form);
}
