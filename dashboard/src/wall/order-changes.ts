// Changing an order before picking, from the wall's order detail: quantities, removed lines, the ship-to address.
// Awaiting review, the change is a correction: the server validates it again and the rules decide whether it proceeds.

import { postJson } from "../shared/api";
import { el } from "../shared/dom";
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

/** The change form: one quantity per line (0 removes it) and the address; `save` gets the request body. */
export function changeForm(order: OrderView, save: (body: unknown) => void): HTMLElement {
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
  const address = (shipTo ? addressFields : []).map(([field, label]) => {
    const input = el("input", { type: "text", value: shipTo?.[field] ?? "", "aria-label": label });
    return { field, input, row: el("label", {}, label, " ", input) };
  });
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
      {},
      ...order.lines.map((line, i) =>
        el("tr", {}, el("td", {}, `${line.name} (${line.sku})`), el("td", {}, quantities[i])),
      ),
    ),
    ...address.map((a) => a.row),
    button,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const lines = order.lines
      .map((line, i) => ({ sku: line.sku, quantity: Number(quantities[i].value) }))
      .filter((line) => line.quantity > 0);
    const changed = Object.fromEntries(address.map((a) => [a.field, a.input.value.trim() || null]));
    save(shipTo ? { lines, shipTo: changed } : { lines });
  });
  return el("details", {}, el("summary", {}, correcting(order) ? "Correct the order" : "Change the order"), form);
}
