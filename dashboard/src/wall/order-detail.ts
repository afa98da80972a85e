// The wall's order detail panel: the whole order as staff see it, with the actions the server says are legal now.

import { getJson, postJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { channelLabel, formatAmount, formatDateTime, orderStatusLabel, shipmentStatusLabel } from "../shared/format";
import type { OrderAction, OrderView } from "../shared/types";
import { canChange, changeForm, saveChange } from "./order-changes";
import { channelFacts, pickupButtons } from "./channel-facts";
import { openPrintView } from "./print-view";

/** The panel's buttons, named as the server names the actions (`data-action` in wall.html). */
type Action = Extract<OrderAction, "approve" | "reject" | "cancel" | "issue-pick-lists" | "split">;

export class OrderDetail {
  /** The signed-in staff key; null when signed out. */
  apiKey: string | null = null;
  private openId: string | null = null;
  private shown: OrderView | null = null;
  private busy = false;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly error: HTMLElement;
  private readonly buttons: HTMLButtonElement[];

  constructor(private readonly panel: HTMLElement) {
    this.title = required("#detail-title", panel);
    this.body = required("#detail-body", panel);
    this.error = required("#detail-error", panel);
    this.buttons = [...panel.querySelectorAll<HTMLButtonElement>("button[data-action]")];
    for (const button of this.buttons) {
      button.addEventListener("click", () => void this.act(button.dataset.action as Action));
    }
    required("[data-testid=order-detail-close]", panel).addEventListener("click", () => this.close());
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        this.close();
      }
    });
  }

  async open(orderId: string): Promise<void> {
    this.openId = orderId;
    this.shown = null;
    this.title.textContent = `Order ${orderId}`;
    this.body.replaceChildren(el("p", { class: "quiet" }, "Loading…"));
    showMessage(this.error, null);
    this.enableActions();
    this.panel.hidden = false;
    await this.reload(orderId);
  }

  close(): void {
    this.openId = null;
    this.shown = null;
    this.panel.hidden = true;
    this.body.replaceChildren();
  }

  /** An order changed (a live event): reload the open order when the change is newer than what it shows. */
  orderChanged(orderId: string, version: number): void {
    if (orderId === this.openId && this.shown && version > this.shown.version && !this.busy) {
      void this.reload(orderId);
    }
  }

  private async reload(orderId: string): Promise<void> {
    try {
      const order = await getJson<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`, { apiKey: this.apiKey });
      this.show(order);
    } catch (failure) {
      if (orderId === this.openId) {
        this.body.replaceChildren();
        showMessage(this.error, messageOf(failure));
      }
    }
  }

  private async act(action: Action): Promise<void> {
    const order = this.shown;
    if (!order || this.busy) {
      return;
    }
    const path = `/api/orders/${encodeURIComponent(order.id)}`;
    const apiKey = this.apiKey;
    let reason: string | null = null;
    if (action === "reject" || action === "cancel") {
      reason = askReason(
        action === "reject" ? `Why is order ${order.id} rejected?` : `Why is order ${order.id} cancelled?`,
      );
      if (reason === null) {
        return;
      }
      if (reason === "") {
        showMessage(this.error, `A reason is needed to ${action} an order.`);
        return;
      }
    }

    this.busy = true;
    this.enableActions();
    showMessage(this.error, null);
    try {
      if (action === "issue-pick-lists") {
        await postJson<unknown>(`${path}/pick-lists`, { apiKey });
        this.show(await getJson<OrderView>(path, { apiKey }));
      } else {
        this.show(
          await postJson<OrderView>(`${path}/${action}`, { apiKey, body: reason === null ? undefined : { reason } }),
        );
      }
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    } finally {
      this.busy = false;
      this.enableActions();
    }
  }

  private show(order: OrderView): void {
    if (order.id !== this.openId || (this.shown && order.version < this.shown.version)) {
      return;
    }
    this.shown = order;
    this.title.textContent = `Order ${order.id} · ${orderStatusLabel(order.status)}`;
    this.body.replaceChildren(
      ...describe(
        order,
        (path) => void this.print(path),
        (path) => void this.step(path),
      ),
    );
    if (canChange(order)) {
      this.body.append(changeForm(order, (body) => void this.change(order, body)));
    }
    this.enableActions();
  }

  /** Saves a change or correction; the answer (or the refusal) shows like any other action's. */
  private change(order: OrderView, body: unknown): Promise<void> {
    return this.oneAtATime(() => saveChange(order, body, this.apiKey));
  }

  /** Moves a pick list on (ready for pickup, collected) and shows the order it answers. */
  private step(path: string): Promise<void> {
    return this.oneAtATime(() => postJson<OrderView>(path, { apiKey: this.apiKey }));
  }

  /** Runs one action at a time and shows the order it answers, or its refusal. */
  private async oneAtATime(action: () => Promise<OrderView>): Promise<void> {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.enableActions();
    showMessage(this.error, null);
    try {
      this.show(await action());
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    } finally {
      this.busy = false;
      this.enableActions();
    }
  }

  /** Opens a printable document; a refusal shows where the panel's other errors do. */
  private async print(path: string): Promise<void> {
    showMessage(this.error, null);
    try {
      await openPrintView(path, this.apiKey);
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  /** Shows exactly the actions the server allows now; while one runs, none can be pressed. */
  private enableActions(): void {
    for (const button of this.buttons) {
      const allowed = this.shown?.allowedActions.includes(button.dataset.action as Action) ?? false;
      button.hidden = !allowed;
      button.disabled = this.busy || !allowed;
    }
  }
}

/** The staff member's reason, trimmed; null when they dismissed the prompt. */
function askReason(question: string): string | null {
  const answer = window.prompt(question);
  return answer === null ? null : answer.trim();
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** Asks for the printable document at an API path. */
type Print = (path: string) => void;

function describe(order: OrderView, print: Print, step: Print): HTMLElement[] {
  const address = order.shipTo
    ? [
        order.shipTo.line1,
        order.shipTo.line2,
        `${order.shipTo.postalCode} ${order.shipTo.city}`,
        order.shipTo.country,
      ].filter(Boolean)
    : [];
  return [
    el(
      "dl",
      { class: "facts" },
      ...fact("Status", orderStatusLabel(order.status)),
      ...fact("Channel", channelLabel(order.channel)),
      ...fact("Placed", formatDateTime(order.placedAt)),
      ...fact("Total", formatAmount(order.total)),
      ...fact("Customer", [order.customerId, order.email, order.phone].filter(Boolean).join(" · ")),
      ...(order.shipTo ? fact("Ship to", `${order.shipTo.name}, ${address.join(", ")}`) : []),
      ...channelFacts(order),
      ...fact(
        "Tracking page",
        el(
          "a",
          {
            href: `/track/${encodeURIComponent(order.id)}?token=${encodeURIComponent(order.trackingToken)}`,
            target: "_blank",
            rel: "noopener",
          },
          "open",
        ),
      ),
    ),
    order.holds.length === 0
      ? null
      : el(
          "section",
          {},
          el("h3", {}, "Holds"),
          el(
            "ul",
            { class: "holds" },
            ...order.holds.map((hold) =>
              el("li", {}, `${hold.kind}: ${hold.reason} (since ${formatDateTime(hold.since)})`),
            ),
          ),
        ),
    el(
      "section",
      {},
      el("h3", {}, "Lines"),
      el(
        "table",
        { class: "data" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ...["SKU", "Product", "Qty", "Reserved", "Backordered", "Amount"].map((h) => el("th", { scope: "col" }, h)),
          ),
        ),
        el(
          "tbody",
          {},
          ...order.lines.map((line) =>
            el(
              "tr",
              {},
              el("td", {}, line.sku),
              el("td", {}, line.name),
              el("td", { class: "number" }, line.quantity),
              el("td", { class: "number" }, line.reservedQuantity),
              el("td", { class: "number" }, line.backorderedQuantity),
              el("td", { class: "number" }, formatAmount(line.lineTotal)),
            ),
          ),
        ),
      ),
    ),
    order.pickLists.length === 0
      ? null
      : el(
          "section",
          {},
          el("h3", {}, "Pick lists"),
          el(
            "ul",
            {},
            ...order.pickLists.map((pick) =>
              el(
                "li",
                {},
                `${pick.id} · ${pick.warehouseId} · ${pick.status} `,
                printButton("Print pick list", `/api/pick-lists/${encodeURIComponent(pick.id)}/print`, print),
                ...pickupButtons(order, pick, step),
              ),
            ),
          ),
        ),
    order.shipments.length === 0
      ? null
      : el(
          "section",
          {},
          el("h3", {}, "Shipments"),
          el(
            "ul",
            {},
            ...order.shipments.map((s) =>
              el(
                "li",
                {},
                `${s.carrier} ${s.trackingNumber} · ${shipmentStatusLabel(s.status)} `,
                printButton("Delivery note", `/api/shipments/${encodeURIComponent(s.shipmentId)}/delivery-note`, print),
              ),
            ),
          ),
        ),
    el(
      "section",
      {},
      el("h3", {}, "Timeline"),
      el(
        "ol",
        { class: "detail-timeline" },
        ...[...order.timeline]
          .sort((a, b) => b.sequence - a.sequence)
          .map((entry) =>
            el(
              "li",
              {},
              el("time", { datetime: entry.at }, formatDateTime(entry.at)),
              el("span", {}, entry.description),
              el("span", { class: "actor" }, `${entry.actor.kind.toLowerCase()}: ${entry.actor.name}`),
            ),
          ),
      ),
    ),
  ].filter((part): part is HTMLElement => part !== null);
}

function printButton(label: string, path: string, print: Print): HTMLButtonElement {
  const button = el("button", { type: "button", class: "quiet-button", "data-testid": "print-document" }, label);
  button.addEventListener("click", () => print(path));
  return button;
}

function fact(term: string, value: string | Node): HTMLElement[] {
  return [el("dt", {}, term), el("dd", {}, value)];
}
