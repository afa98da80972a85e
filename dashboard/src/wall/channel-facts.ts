// What the order detail shows of channels and click & collect: who entered the order, how it is fulfilled, and
// the pickup steps of a pick list (ready for pickup, collected).

import { el } from "../shared/dom";
import type { OrderView } from "../shared/types";

type PickList = OrderView["pickLists"][number];

/** "Entered by" and "Fulfilment" facts (dt/dd pairs) for the order's fact list. */
export function channelFacts(order: OrderView): HTMLElement[] {
  const facts: HTMLElement[] = [];
  if (order.enteredBy) {
    facts.push(el("dt", {}, "Entered by"), el("dd", { "data-testid": "entered-by" }, order.enteredBy.name));
  }
  const pickup = order.fulfilment?.kind === "Pickup";
  facts.push(
    el("dt", {}, "Fulfilment"),
    el("dd", {}, pickup ? `Click & collect at ${order.fulfilment?.warehouseId ?? ""}` : "Delivery by carrier"),
  );
  return facts;
}

/** The pickup step the server allows a pick list now (ready for pickup, collected), as a button that posts it. */
export function pickupButtons(order: OrderView, pick: PickList, step: (path: string) => void): HTMLButtonElement[] {
  const allowed = order.pickListActions.find((p) => p.pickListId === pick.id)?.allowedActions ?? [];
  const ready = allowed.includes("collected");
  if (!ready && !allowed.includes("ready-for-pickup")) {
    return [];
  }
  const path = `/api/pick-lists/${encodeURIComponent(pick.id)}/${ready ? "collected" : "ready-for-pickup"}`;
  const button = el(
    "button",
    { type: "button", class: "quiet-button", "data-testid": ready ? "pickup-collected" : "pickup-ready" },
    ready ? "Collected" : "Ready for pickup",
  );
  button.addEventListener("click", () => step(path));
  return [button];
}
