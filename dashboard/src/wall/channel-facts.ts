// What the order detail shows of channels and click & collect: who entered the order and how it is fulfilled (the
// pickup steps, ready for pickup and collected, are the pick list's: fulfilment.ts).

import { el } from "../shared/dom";
import type { OrderView } from "../shared/api-types";

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
