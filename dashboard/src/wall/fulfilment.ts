// The order detail's pick lists and shipments with the steps the server allows each one now: picked, packed, ship
// (carrier chosen from the configured list), ready for pickup, collected; the carrier's events (in transit, out for
// delivery, delivered, a delivery problem with its reason); and the printable pick list and delivery note.

import { getJson, postJson } from "../shared/api";
import { el } from "../shared/dom";
import { field } from "../shared/fields";
import { shipmentStatusLabel } from "../shared/format";
import type {
  CarrierList,
  MergeView,
  OrderView,
  PickListAction,
  ShipmentAction,
  ShippingLabel,
} from "../shared/api-types";
import { actionButton, part, path, type Detail } from "./detail-context";

type PickList = OrderView["pickLists"][number];
type Shipment = OrderView["shipments"][number];

const pickListStatusLabels: Record<string, string> = {
  Open: "To pick",
  Picked: "Picked, to pack",
  Packed: "Packed",
  Shipped: "Handed over",
};

let carriers: Promise<CarrierList> | null = null;

/** The configured carriers, asked once per page. */
function carrierList(apiKey: string | null): Promise<CarrierList> {
  carriers ??= getJson<CarrierList>("/api/carriers", { apiKey }).catch((failure: unknown) => {
    carriers = null;
    throw failure;
  });
  return carriers;
}

/**
 * The ship forms' carrier choice: the server's carriers with its default chosen. When they cannot be read, the one
 * option is the server's default carrier (the request then names none), and the form says so.
 */
async function carrierSelect(apiKey: string | null): Promise<HTMLSelectElement> {
  const select = el("select", { name: "carrier", "data-testid": "carrier" });
  try {
    const list = await carrierList(apiKey);
    select.replaceChildren(
      ...list.carriers.map((name) => el("option", { value: name, selected: name === list.default }, name)),
    );
  } catch {
    select.replaceChildren(el("option", { value: "" }, "The default carrier"));
  }
  return select;
}

/** The panel keeps the label of the pick list it shipped last, to show it above the pick lists. */
export interface Shipping {
  shipped(label: ShippingLabel): void;
}

/** The label of the pick list shipped last from this panel, shown until another order opens. */
export interface LastLabel {
  orderId: string;
  label: ShippingLabel;
}

export function pickListsPart(
  order: OrderView,
  detail: Detail & Shipping,
  lastLabel: LastLabel | null,
): HTMLElement | null {
  if (order.pickLists.length === 0) {
    return null;
  }
  const pickup = order.fulfilment?.kind === "Pickup";
  return part(
    "Pick lists",
    "pick-lists",
    lastLabel && lastLabel.orderId === order.id ? labelNotice(lastLabel.label, detail) : null,
    el("ul", { class: "step-list" }, ...order.pickLists.map((pick) => pickListItem(order, pick, pickup, detail))),
  );
}

function labelNotice(label: ShippingLabel, detail: Detail): HTMLElement {
  return el(
    "p",
    { class: "label-notice", "data-testid": "shipping-label", role: "status" },
    "Label created: ",
    el("strong", {}, label.carrier),
    ", tracking number ",
    el("strong", { "data-testid": "tracking-number" }, label.trackingNumber),
    ". ",
    actionButton(
      "Print delivery note",
      "print-delivery-note",
      () => detail.print(`/api/shipments/${path(label.shipmentId)}/delivery-note`),
      "quiet",
    ),
  );
}

function pickListItem(order: OrderView, pick: PickList, pickup: boolean, detail: Detail & Shipping): HTMLElement {
  const allowed = order.pickListActions.find((p) => p.pickListId === pick.id)?.allowedActions ?? [];
  const slot = el("div", { class: "row-form" });
  const base = `/api/pick-lists/${path(pick.id)}`;
  const step = (action: PickListAction) => () =>
    detail.step(() => postJson<unknown>(`${base}/${action}`, { apiKey: detail.apiKey }));
  const labels: Record<PickListAction, string> = {
    picked: "Picked",
    packed: "Packed",
    ship: "Ship…",
    "ready-for-pickup": "Ready for pickup",
    collected: "Collected",
  };
  const buttons = allowed.map((action) =>
    action === "ship"
      ? actionButton(labels.ship, "ship", () => void shipForm(pick, slot, detail), "primary")
      : actionButton(labels[action], action, step(action), "primary"),
  );
  const status = pick.status === "Shipped" && pickup ? "Collected" : (pickListStatusLabels[pick.status] ?? pick.status);
  return el(
    "li",
    { "data-pick-list": pick.id, "data-status": pick.status },
    el(
      "div",
      { class: "row-head" },
      el("strong", {}, pick.id),
      el("span", { class: "quiet" }, pick.warehouseId),
      el("span", { class: "row-status" }, status),
    ),
    el(
      "div",
      { class: "row-actions" },
      ...buttons,
      actionButton("Print pick list", "print-pick-list", () => detail.print(`${base}/print`), "quiet"),
    ),
    slot,
  );
}

async function shipForm(pick: PickList, slot: HTMLElement, detail: Detail & Shipping): Promise<void> {
  const select = await carrierSelect(detail.apiKey);
  detail.form(slot, {
    title: `Ship ${pick.id}`,
    testId: "ship-form",
    fields: [field("Carrier", select, "carrier")],
    submit: "Ship and create the label",
    send: async () => {
      const label = await postJson<ShippingLabel>(`/api/pick-lists/${path(pick.id)}/ship`, {
        apiKey: detail.apiKey,
        body: select.value ? { carrier: select.value } : {},
      });
      detail.shipped(label);
    },
  });
}

export function shipmentsPart(order: OrderView, detail: Detail): HTMLElement | null {
  if (order.shipments.length === 0) {
    return null;
  }
  return part(
    "Shipments",
    "shipments",
    el("ul", { class: "step-list" }, ...order.shipments.map((shipment) => shipmentItem(order, shipment, detail))),
  );
}

const eventLabels: Record<ShipmentAction, string> = {
  "in-transit": "In transit",
  "out-for-delivery": "Out for delivery",
  delivered: "Delivered",
  exception: "Delivery problem…",
};

const eventStatuses: Record<ShipmentAction, string> = {
  "in-transit": "InTransit",
  "out-for-delivery": "OutForDelivery",
  delivered: "Delivered",
  exception: "Exception",
};

/** After a delivery problem the same carrier events are the way on, named for what staff decide next. */
const afterProblemLabels: Record<ShipmentAction, string> = {
  "in-transit": "Back in transit",
  "out-for-delivery": "Out for delivery again",
  delivered: "Delivered after all",
  exception: "Another delivery problem…",
};

/** What a parcel the carrier could not deliver waits for, and the buttons that move it on. */
function problemHelp(order: OrderView): HTMLElement {
  const reach = [order.phone, order.email].filter(Boolean).join(" or ");
  return el(
    "p",
    { class: "problem-help", "data-testid": "delivery-problem-help" },
    "The carrier could not deliver this parcel; why is in the timeline. ",
    reach
      ? `Reach the customer (${reach}) and agree a new attempt with the carrier, `
      : "Agree a new attempt with the carrier, ",
    "then record it: “Out for delivery again” when it goes out, “Delivered after all” once the customer has it. " +
      "A corrected address goes to the carrier with the new attempt; the order keeps the address it shipped to.",
  );
}

function shipmentItem(order: OrderView, shipment: Shipment, detail: Detail): HTMLElement {
  const allowed = order.shipmentActions.find((s) => s.shipmentId === shipment.shipmentId)?.allowedActions ?? [];
  const slot = el("div", { class: "row-form" });
  const events = `/api/shipments/${path(shipment.shipmentId)}/events`;
  const problem = shipment.status === "Exception";
  const labels = problem ? afterProblemLabels : eventLabels;
  const buttons = allowed.map((action) =>
    action === "exception"
      ? actionButton(labels[action], action, () => exceptionForm(shipment, events, slot, detail), "danger")
      : actionButton(
          labels[action],
          action,
          () =>
            detail.step(() =>
              postJson<unknown>(events, { apiKey: detail.apiKey, body: { status: eventStatuses[action] } }),
            ),
          "primary",
        ),
  );
  return el(
    "li",
    { "data-shipment": shipment.shipmentId, "data-status": shipment.status },
    el(
      "div",
      { class: "row-head" },
      el("strong", {}, shipment.carrier),
      el("span", { "data-testid": "shipment-tracking-number" }, shipment.trackingNumber),
      el("span", { class: "quiet" }, `from ${shipment.pickListId}`),
      el("span", { class: "row-status" }, shipmentStatusLabel(shipment.status)),
    ),
    problem ? problemHelp(order) : null,
    el(
      "div",
      { class: "row-actions" },
      ...buttons,
      actionButton(
        "Print delivery note",
        "print-delivery-note",
        () => detail.print(`/api/shipments/${path(shipment.shipmentId)}/delivery-note`),
        "quiet",
      ),
    ),
    slot,
  );
}

function exceptionForm(shipment: Shipment, events: string, slot: HTMLElement, detail: Detail): void {
  const reason = el("input", {
    type: "text",
    name: "reason",
    maxlength: "200",
    required: true,
    "data-testid": "exception-reason",
  });
  const location = el("input", { type: "text", name: "location", maxlength: "200" });
  detail.form(slot, {
    title: `Delivery problem with ${shipment.carrier} ${shipment.trackingNumber}`,
    testId: "exception-form",
    fields: [
      field("What went wrong", reason, "reason", "The customer is told this, e.g. “Address not found”."),
      field("Where (optional)", location, "location"),
    ],
    submit: "Record the problem",
    danger: true,
    send: () =>
      postJson<unknown>(events, {
        apiKey: detail.apiKey,
        body: { status: "Exception", reason: reason.value.trim() || null, location: location.value.trim() || null },
      }).then(() => undefined),
  });
}

/**
 * A merged order ships with its merge: the merge's combined pick list, its member orders, and the step the whole
 * merge may take now (picked, packed, ship with a carrier), as the merge's allowedActions say.
 */
export function mergePart(merge: MergeView | null, detail: Detail & Shipping): HTMLElement | null {
  if (!merge) {
    return null;
  }
  const slot = el("div", { class: "row-form" });
  const base = `/api/merges/${path(merge.id)}`;
  const labels: Partial<Record<PickListAction, string>> = {
    picked: "Merge picked",
    packed: "Merge packed",
    ship: "Ship the merge…",
  };
  const buttons = merge.allowedActions
    .filter((action) => labels[action])
    .map((action) =>
      action === "ship"
        ? actionButton(labels.ship!, "merge-ship", () => void shipMergeForm(merge, base, slot, detail), "primary")
        : actionButton(
            labels[action]!,
            `merge-${action}`,
            () => detail.step(() => postJson<unknown>(`${base}/${action}`, { apiKey: detail.apiKey })),
            "primary",
          ),
    );
  const members = merge.orderIds.map((id) => {
    const open = el("button", { type: "button", class: "order-id" }, id);
    open.addEventListener("click", () => detail.open(id));
    return open;
  });
  return part(
    `Merge ${merge.id}: one parcel`,
    "merge",
    el("p", {}, "Picked, packed and shipped with ", ...members.flatMap((m, i) => (i === 0 ? [m] : [", ", m])), "."),
    el(
      "ul",
      { class: "plain-list" },
      ...merge.lines.map((line) =>
        el(
          "li",
          {},
          `${line.quantity} × ${line.name} (${line.sku}): ` +
            line.orders.map((share) => `${share.quantity} for ${share.orderId}`).join(", "),
        ),
      ),
    ),
    merge.shipment
      ? el("p", {}, `Shipped with ${merge.shipment.carrier}, tracking number ${merge.shipment.trackingNumber}.`)
      : null,
    buttons.length ? el("div", { class: "row-actions" }, ...buttons) : null,
    slot,
  );
}

async function shipMergeForm(
  merge: MergeView,
  base: string,
  slot: HTMLElement,
  detail: Detail & Shipping,
): Promise<void> {
  const select = await carrierSelect(detail.apiKey);
  detail.form(slot, {
    title: `Ship merge ${merge.id} as one parcel`,
    testId: "ship-form",
    fields: [field("Carrier", select, "carrier")],
    submit: "Ship and create the label",
    send: async () => {
      const shipped = await postJson<MergeView>(`${base}/ship`, {
        apiKey: detail.apiKey,
        body: select.value ? { carrier: select.value } : {},
      });
      if (shipped.shipment) {
        detail.shipped(shipped.shipment);
      }
    },
  });
}
