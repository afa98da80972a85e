// The wall's order detail panel: the whole order as staff see it, with exactly the steps the server says are legal
// now (the order's allowedActions, each pick list's and shipment's, each return's): the page never works them out.

import { getJson, postJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { field } from "../shared/fields";
import { channelLabel, formatDateTime, formatMoneyIn, holdKindLabel, orderStatusLabel } from "../shared/format";
import type { MergeView, OrderAction, OrderAfterSales, OrderView, ShippingLabel } from "../shared/api-types";
import { canChange, changeForm, saveChange } from "./order-changes";
import { channelFacts } from "./channel-facts";
import { actionButton, part, path, type Detail } from "./detail-context";
import { mergePart, pickListsPart, shipmentsPart, type LastLabel } from "./fulfilment";
import { openPrintView } from "./print-view";
import { returnsPart } from "./returns";
import { stepForm, type StepForm } from "./step-form";

/** The order's own steps in the order the bar shows them, in words; `modify` and `correct` are the change form. */
const orderActionLabels: Partial<Record<OrderAction, string>> = {
  approve: "Approve",
  "issue-pick-lists": "Issue pick lists",
  split: "Ship what is available",
  merge: "Merge with…",
  reject: "Reject…",
  cancel: "Cancel order…",
};

export class OrderDetail implements Detail {
  /** The signed-in staff key; null when signed out. */
  apiKey: string | null = null;
  /** The catalog's currency as the wall's snapshot names it; null before the first snapshot. */
  wallCurrency: string | null = null;
  private openId: string | null = null;
  private shown: OrderView | null = null;
  private afterSales: OrderAfterSales | null = null;

  /** The currency of the amounts shown: the after-sales view's, else the wall's. */
  private currency(): string | null {
    return this.afterSales?.currency ?? this.wallCurrency;
  }
  private merge: MergeView | null = null;
  private lastLabel: LastLabel | null = null;
  private busy = false;
  private openForm: HTMLFormElement | null = null;
  private staleWhileForm = false;
  private readonly title: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly actionForm: HTMLElement;
  private readonly body: HTMLElement;
  private readonly error: HTMLElement;

  constructor(private readonly panel: HTMLElement) {
    this.title = required("#detail-title", panel);
    this.actions = required("[data-testid=order-actions]", panel);
    this.actionForm = required("[data-testid=order-action-form]", panel);
    this.body = required("#detail-body", panel);
    this.error = required("#detail-error", panel);
    required("[data-testid=order-detail-close]", panel).addEventListener("click", () => this.close());
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden && !(event.target instanceof HTMLInputElement)) {
        this.close();
      }
    });
    // The panel starts below the page header while it is in view, so "Find an order" and "Enter an order…" stay usable.
    const header = document.querySelector<HTMLElement>(".page-header");
    const place = () => {
      panel.style.top = `${Math.max(0, header?.getBoundingClientRect().bottom ?? 0)}px`;
    };
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    place();
  }

  async open(orderId: string): Promise<void> {
    if (orderId !== this.openId) {
      // Another order starts at its title and buttons, not where the last one was scrolled to.
      this.panel.scrollTop = 0;
    }
    this.openId = orderId;
    this.shown = null;
    this.afterSales = null;
    this.merge = null;
    this.closeForm();
    this.title.textContent = `Order ${orderId}`;
    this.actions.replaceChildren();
    this.body.replaceChildren(el("p", { class: "quiet" }, "Loading…"));
    showMessage(this.error, null);
    this.panel.hidden = false;
    await this.reload(orderId);
  }

  close(): void {
    this.openId = null;
    this.shown = null;
    this.afterSales = null;
    this.closeForm();
    this.panel.hidden = true;
    this.actions.replaceChildren();
    this.body.replaceChildren();
  }

  /** An order changed (a live event): read the open order again when the change is newer than what it shows. */
  orderChanged(orderId: string, version: number): void {
    if (orderId !== this.openId || !this.shown || version <= this.shown.version || this.busy) {
      return;
    }
    if (this.openForm) {
      // Redrawing would throw away what staff are typing: read again once the form closes.
      this.staleWhileForm = true;
      return;
    }
    void this.reload(orderId);
  }

  // Detail: what the parts ask of the panel.

  step(send: () => Promise<unknown>): void {
    void this.oneAtATime(send);
  }

  /** A step whose form shows its own refusal (beside the fields it names): the promise rejects with it, and the form stays. */
  stepOwnErrors(send: () => Promise<unknown>): Promise<void> {
    return this.oneAtATime(send, true);
  }

  form(slot: HTMLElement, spec: StepForm): void {
    this.closeForm();
    const form = stepForm(spec, (sent) => {
      this.closeForm();
      if (sent || this.staleWhileForm) {
        this.staleWhileForm = false;
        if (this.openId) {
          void this.reload(this.openId);
        }
      }
    });
    this.openForm = form;
    slot.replaceChildren(form);
    form.querySelector<HTMLElement>("input, select, textarea")?.focus();
    form.scrollIntoView({ block: "nearest" });
  }

  print(documentPath: string): void {
    showMessage(this.error, null);
    openPrintView(documentPath, this.apiKey).catch((failure: unknown) => showMessage(this.error, messageOf(failure)));
  }

  shipped(label: ShippingLabel): void {
    if (this.openId) {
      this.lastLabel = { orderId: this.openId, label };
    }
  }

  private closeForm(): void {
    this.openForm?.remove();
    this.openForm = null;
    this.actionForm.replaceChildren();
  }

  private async reload(orderId: string): Promise<void> {
    const apiKey = this.apiKey;
    const id = path(orderId);
    try {
      const [order, afterSales] = await Promise.all([
        getJson<OrderView>(`/api/orders/${id}`, { apiKey }),
        // The returns part is left out when they cannot be read; the order is still worked.
        getJson<OrderAfterSales>(`/api/orders/${id}/after-sales`, { apiKey }).catch(() => null),
      ]);
      const merge = order.mergeId
        ? await getJson<MergeView>(`/api/merges/${path(order.mergeId)}`, { apiKey }).catch(() => null)
        : null;
      if (orderId === this.openId) {
        this.afterSales = afterSales;
        this.merge = merge;
        this.show(order, true);
      }
    } catch (failure) {
      if (orderId === this.openId) {
        this.body.replaceChildren();
        showMessage(this.error, messageOf(failure));
      }
    }
  }

  /** Runs one step at a time (every button is disabled meanwhile), then reads the order again, or shows the refusal. */
  private async oneAtATime(send: () => Promise<unknown>, ownErrors = false): Promise<void> {
    if (this.busy || !this.openId) {
      return;
    }
    const orderId = this.openId;
    this.busy = true;
    this.disableAll(true);
    showMessage(this.error, null);
    try {
      await send();
      await this.reload(orderId);
    } catch (failure) {
      if (ownErrors) {
        throw failure;
      }
      showMessage(this.error, messageOf(failure));
    } finally {
      this.busy = false;
      this.disableAll(false);
    }
  }

  private disableAll(disabled: boolean): void {
    for (const button of this.panel.querySelectorAll<HTMLButtonElement>("button[data-action]")) {
      button.disabled = disabled;
    }
  }

  private show(order: OrderView, force = false): void {
    if (order.id !== this.openId || (!force && this.shown && order.version < this.shown.version)) {
      return;
    }
    this.shown = order;
    this.closeForm();
    this.title.textContent = `Order ${order.id} · ${orderStatusLabel(order.status)}`;
    this.actions.replaceChildren(...this.orderActions(order));
    this.body.replaceChildren(
      ...[
        facts(order, this.currency()),
        holds(order),
        linesPart(order, this.currency()),
        refundsPart(order, this.currency()),
        canChange(order)
          ? changeForm(order, (body) => this.stepOwnErrors(() => saveChange(order, body, this.apiKey)))
          : null,
        mergePart(this.merge, this),
        pickListsPart(order, this, this.lastLabel),
        shipmentsPart(order, this),
        returnsPart(order, this.afterSales, this),
        timeline(order),
      ].filter((p): p is HTMLElement => p !== null),
    );
    if (this.busy) {
      this.disableAll(true);
    }
  }

  /** The order's own steps the server allows now, in the bar's order. */
  private orderActions(order: OrderView): HTMLButtonElement[] {
    const base = `/api/orders/${path(order.id)}`;
    const apiKey = this.apiKey;
    return (Object.keys(orderActionLabels) as OrderAction[])
      .filter((action) => order.allowedActions.includes(action))
      .map((action) => {
        const label = orderActionLabels[action]!;
        switch (action) {
          case "reject":
          case "cancel":
            return actionButton(label, action, () => this.reasonForm(order, action), "danger");
          case "merge":
            return actionButton(label, action, () => void this.mergeForm(order));
          case "issue-pick-lists":
            return actionButton(
              label,
              action,
              () => this.step(() => postJson<unknown>(`${base}/pick-lists`, { apiKey })),
              "primary",
            );
          default:
            return actionButton(
              label,
              action,
              () => this.step(() => postJson<unknown>(`${base}/${action}`, { apiKey })),
              action === "approve" ? "primary" : undefined,
            );
        }
      });
  }

  private reasonForm(order: OrderView, action: "reject" | "cancel"): void {
    const reason = el("input", { type: "text", name: "reason", maxlength: "500", "data-testid": "step-reason" });
    this.form(this.actionForm, {
      title: action === "reject" ? `Reject order ${order.id}` : `Cancel order ${order.id}`,
      testId: `${action}-form`,
      fields: [
        field(
          action === "reject" ? "Why it is rejected" : "Why it is cancelled",
          reason,
          "reason",
          "Kept on the order's timeline.",
        ),
      ],
      submit: action === "reject" ? "Reject the order" : "Cancel the order",
      danger: true,
      send: () =>
        postJson<unknown>(`/api/orders/${path(order.id)}/${action}`, {
          apiKey: this.apiKey,
          body: { reason: reason.value.trim() || null },
        }).then(() => undefined),
    });
  }

  /** Merge: the customer's other orders that may join a merge now, to tick. */
  private async mergeForm(order: OrderView): Promise<void> {
    const apiKey = this.apiKey;
    let others: OrderView[] = [];
    try {
      const customer = await getJson<{ orderIds: string[] }>(`/api/customers/${path(order.customerId)}`, { apiKey });
      const candidates = customer.orderIds.filter((id) => id !== order.id).slice(-20);
      others = (
        await Promise.all(
          candidates.map((id) => getJson<OrderView>(`/api/orders/${path(id)}`, { apiKey }).catch(() => null)),
        )
      ).filter((o): o is OrderView => o !== null && o.allowedActions.includes("merge"));
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
      return;
    }
    const boxes = others.map((other) => ({
      id: other.id,
      box: el("input", { type: "checkbox", value: other.id }),
      other,
    }));
    const choices = el(
      "fieldset",
      { class: "merge-choices", "data-path": "orderIds" },
      el("legend", {}, `Other open orders of ${order.customerId}`),
      ...(boxes.length
        ? boxes.map(({ box, other }) =>
            el(
              "label",
              { class: "inline-choice" },
              box,
              `${other.id} · ${orderStatusLabel(other.status)} · ${formatMoneyIn(this.currency(), other.total)} · ${formatDateTime(other.placedAt)}`,
            ),
          )
        : [el("p", { class: "quiet" }, "The customer has no other order that can be merged now.")]),
      el("span", { class: "field-error", "data-error-for": "orderIds", role: "alert", hidden: true }),
    );
    this.form(this.actionForm, {
      title: `Merge order ${order.id}: picked, packed and shipped as one parcel`,
      testId: "merge-form",
      fields: [choices],
      submit: "Merge",
      send: () =>
        postJson<unknown>("/api/orders/merge", {
          apiKey,
          body: { orderIds: [order.id, ...boxes.filter((b) => b.box.checked).map((b) => b.id)] },
        }).then(() => undefined),
    });
  }
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

function facts(order: OrderView, currency: string | null): HTMLElement {
  const address = order.shipTo
    ? [
        order.shipTo.line1,
        order.shipTo.line2,
        `${order.shipTo.postalCode} ${order.shipTo.city}`,
        order.shipTo.country,
      ].filter(Boolean)
    : [];
  return el(
    "dl",
    { class: "facts" },
    ...fact("Status", orderStatusLabel(order.status)),
    ...fact("Channel", channelLabel(order.channel)),
    ...fact("Placed", formatDateTime(order.placedAt)),
    ...fact("Total", formatMoneyIn(currency, order.total)),
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
  );
}

function holds(order: OrderView): HTMLElement | null {
  return order.holds.length === 0
    ? null
    : part(
        "Holds",
        "holds",
        el(
          "ul",
          { class: "holds" },
          ...order.holds.map((hold) =>
            el("li", {}, `${holdKindLabel(hold.kind)}: ${hold.reason} (since ${formatDateTime(hold.since)})`),
          ),
        ),
      );
}

function linesPart(order: OrderView, currency: string | null): HTMLElement {
  return part(
    "Lines",
    "lines",
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
            el("td", { class: "number" }, formatMoneyIn(currency, line.lineTotal)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The refunds recorded on the order itself (the customer dropped the lines stock could not fill): what is owed back,
 * why, who chose it and when, in the catalog's currency (a bare amount while the after-sales view cannot be read).
 */
function refundsPart(order: OrderView, currency: string | null): HTMLElement | null {
  if (order.refunds.length === 0) {
    return null;
  }
  const money = (value: number) => formatMoneyIn(currency, value);
  return part(
    "Refunds on the order",
    "order-refunds",
    el(
      "ul",
      { class: "plain-list" },
      ...order.refunds.map((refund) =>
        el(
          "li",
          { "data-testid": "order-refund" },
          el("strong", {}, money(refund.amount)),
          ` · ${refund.reason} · ${refund.by.kind.toLowerCase()}: ${refund.by.name} · `,
          el("time", { datetime: refund.at }, formatDateTime(refund.at)),
        ),
      ),
    ),
  );
}

function timeline(order: OrderView): HTMLElement {
  return part(
    "Timeline",
    "timeline",
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
  );
}

function fact(term: string, value: string | Node): HTMLElement[] {
  return [el("dt", {}, term), el("dd", {}, value)];
}
