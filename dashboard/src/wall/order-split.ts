// Splitting an order from the wall's order detail: ship what is reserved now, and issue further pick lists for the
// rest once its stock arrives (grains/Orders/OrderLifecycle.Split.cs decides; this only enables the buttons).

import type { OrderView } from "../shared/types";

/** The lines each pick list carries (the API sends them; the shared view type leaves them out). */
type PickListLines = { lines?: { sku: string; quantity: number }[] };

/** A backordered order with some units reserved can ship them now: POST /api/orders/{id}/split. */
export function canSplit(order: OrderView): boolean {
  return order.status === "Backordered" && order.lines.some((line) => line.reservedQuantity > 0);
}

/** A split order with units on no pick list yet: their pick lists can be issued once their stock is reserved. */
export function awaitsRest(order: OrderView): boolean {
  if (order.status !== "Processing" && order.status !== "PartiallyShipped") {
    return false;
  }
  const picked = order.pickLists.flatMap((pickList) => (pickList as PickListLines).lines ?? []);
  return order.lines.some(
    (line) => picked.filter((p) => p.sku === line.sku).reduce((units, p) => units + p.quantity, 0) < line.quantity,
  );
}
