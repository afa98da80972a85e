// "Change your order" on the tracking page: cancel, change the delivery address, change quantities — each offered only
// while the server's allowedActions say so, each sent with the order's tracking token. A form being filled in survives
// live updates of the order; it closes when the server stops offering what it is for.

import { ApiError, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import type { CustomerOrderView, OrderAction } from "../shared/api-types";
import { cancelReasons } from "./words";

type FormKind = "cancel" | "change-address" | "change-quantities";

const offers: { action: FormKind; label: string }[] = [
  { action: "change-address", label: "Change delivery address" },
  { action: "change-quantities", label: "Change quantities" },
  { action: "cancel", label: "Cancel order" },
];

export interface PageLink {
  orderId: string;
  token: string;
  /** Shows an order the server answered with (the page applies it when it is newer than what it shows). */
  show: (order: CustomerOrderView) => void;
  /** True while any change of the order is on its way; the other buttons wait. */
  busy: { value: boolean };
}

/** Field errors beside their field: each field's wrapper holds a span the API's error path names. */
interface FieldForm {
  form: HTMLFormElement;
  errorFor: (path: string) => HTMLElement | null;
}

export class SelfService {
  readonly element = el("section", {
    class: "self-service",
    "data-testid": "self-service",
    "aria-labelledby": "self-service-title",
    hidden: true,
  });

  private readonly buttons = el("div", { class: "action-row" });
  private readonly explain = el("p", { class: "quiet", "data-testid": "self-service-explain" });
  private readonly intro = [el("h2", { id: "self-service-title" }, "Change your order"), this.explain];
  private readonly message = el("p", { class: "confirmation", role: "status", hidden: true });
  private readonly error = el("p", { class: "error", role: "alert", hidden: true });
  private readonly slot = el("div", { class: "form-slot" });
  private open: FormKind | null = null;
  private order: CustomerOrderView | null = null;

  constructor(private readonly page: PageLink) {
    this.element.append(...this.intro, this.buttons, this.message, this.error, this.slot);
  }

  /** Shows what may be done with `order` now; an open form stays as it is while its action is still offered. */
  update(order: CustomerOrderView): void {
    this.order = order;
    const offered = offers.filter((o) => order.allowedActions.includes(o.action as OrderAction));
    this.element.hidden = offered.length === 0 && this.message.hidden;
    this.intro.forEach((part) => (part.hidden = offered.length === 0));
    this.explain.textContent = explanation(offered.map((o) => o.action));
    // While the customer's own change is on its way, its live echo may arrive first: the answer closes the form.
    if (this.open && !offered.some((o) => o.action === this.open) && !this.page.busy.value) {
      this.close();
      showMessage(this.error, "Your order has moved on: this can no longer be changed here.");
    }
    this.buttons.replaceChildren(
      ...offered.map((o) =>
        el(
          "button",
          {
            type: "button",
            class: o.action === "cancel" ? "button button-danger-outline" : "button",
            "data-action": o.action,
            "aria-expanded": this.open === o.action ? "true" : "false",
            disabled: this.page.busy.value,
          },
          o.label,
        ),
      ),
    );
    for (const button of this.buttons.querySelectorAll<HTMLButtonElement>("button")) {
      button.addEventListener("click", () => this.toggle(button.dataset.action as FormKind));
    }
  }

  private toggle(kind: FormKind): void {
    if (this.open === kind) {
      this.close();
    } else if (this.order) {
      showMessage(this.error, null);
      showMessage(this.message, null);
      this.open = kind;
      const built =
        kind === "cancel"
          ? this.cancelForm()
          : kind === "change-address"
            ? this.addressForm(this.order)
            : this.quantitiesForm(this.order);
      built.form.addEventListener("input", () => {
        if (!built.form.querySelector(".field-error:not([hidden])")) {
          showMessage(this.error, null);
        }
      });
      this.slot.replaceChildren(built.form);
      built.form.querySelector<HTMLElement>("input, select")?.focus();
    }
    if (this.order) {
      this.update(this.order);
    }
  }

  private close(): void {
    this.open = null;
    this.slot.replaceChildren();
  }

  /** Sends a change; on success closes the form and says what happened, on refusal shows why beside the fields. */
  /** @param done What to confirm afterwards; null when the page says it anyway (a cancelled order's notice). */
  private async send(path: string, body: unknown, fields: FieldForm, done: string | null): Promise<void> {
    if (this.page.busy.value) {
      return;
    }
    this.page.busy.value = true;
    showMessage(this.error, null);
    fields.form.querySelectorAll<HTMLElement>(".field-error").forEach((e) => showMessage(e, null));
    this.setDisabled(fields.form, true);
    try {
      const order = await postJson<CustomerOrderView>(
        `/api/orders/${encodeURIComponent(this.page.orderId)}/${path}?token=${encodeURIComponent(this.page.token)}`,
        { body },
      );
      this.close();
      showMessage(this.error, null);
      showMessage(this.message, done);
      this.page.busy.value = false;
      this.page.show(order);
    } catch (error) {
      this.page.busy.value = false;
      this.setDisabled(fields.form, false);
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        let placed = false;
        for (const [path, messages] of Object.entries(error.fields)) {
          const beside = fields.errorFor(path);
          if (beside) {
            showMessage(beside, messages.join(" "));
            placed = true;
          }
        }
        showMessage(this.error, placed ? "Please check the highlighted fields." : error.message);
      } else {
        showMessage(this.error, error instanceof Error ? error.message : String(error));
      }
    }
    if (this.order) {
      this.update(this.order);
    }
  }

  private setDisabled(form: HTMLFormElement, disabled: boolean): void {
    form
      .querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>("button, input, select")
      .forEach((c) => {
        c.disabled = disabled;
      });
  }

  private cancelForm(): FieldForm {
    const reason = el(
      "select",
      { name: "reason", id: "cancel-reason" },
      ...cancelReasons.map((r) => el("option", { value: r }, r)),
    );
    const form = el(
      "form",
      { class: "track-form", "data-testid": "cancel-form" },
      el("h3", {}, "Cancel this order?"),
      el("p", {}, "Nothing will be sent, and anything you paid for it is given back."),
      field("Why are you cancelling?", reason, "reason"),
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", class: "button button-danger" }, "Cancel the order"),
        el("button", { type: "button", class: "button button-quiet", "data-close": "" }, "Keep my order"),
      ),
    );
    form.querySelector("[data-close]")?.addEventListener("click", () => this.toggle("cancel"));
    const fields = withErrors(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send("cancel", { reason: reason.value }, fields, null);
    });
    return fields;
  }

  private addressForm(order: CustomerOrderView): FieldForm {
    const to = order.shipTo;
    const input = (name: string, value: string, autocomplete: string, required = true) =>
      el("input", {
        name,
        id: `address-${name}`,
        value,
        autocomplete,
        required,
        maxlength: name === "postalCode" ? 20 : 200,
      });
    const inputs = {
      name: input("name", to?.name ?? "", "name"),
      line1: input("line1", "", "address-line1"),
      line2: input("line2", "", "address-line2", false),
      city: input("city", to?.city ?? "", "address-level2"),
      postalCode: input("postalCode", to?.postalCode ?? "", "postal-code"),
      country: input("country", to?.country ?? "", "country"),
    };
    const form = el(
      "form",
      { class: "track-form", "data-testid": "address-form" },
      el("h3", {}, "Where should we deliver?"),
      el(
        "p",
        { class: "quiet" },
        "For your privacy this page never shows your street, so please enter the whole address.",
      ),
      field("Full name", inputs.name, "shipTo.name"),
      field("Address line 1", inputs.line1, "shipTo.line1"),
      field("Address line 2 (optional)", inputs.line2, "shipTo.line2"),
      el(
        "div",
        { class: "field-row" },
        field("Town or city", inputs.city, "shipTo.city"),
        field("Postcode", inputs.postalCode, "shipTo.postalCode"),
      ),
      field("Country", inputs.country, "shipTo.country"),
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", class: "button button-primary" }, "Save the new address"),
        el("button", { type: "button", class: "button button-quiet", "data-close": "" }, "Keep the address"),
      ),
    );
    form.querySelector("[data-close]")?.addEventListener("click", () => this.toggle("change-address"));
    const fields = withErrors(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const shipTo = Object.fromEntries(Object.entries(inputs).map(([name, i]) => [name, i.value.trim() || null]));
      void this.send("modification", { shipTo }, fields, "Your delivery address is changed.");
    });
    return fields;
  }

  private quantitiesForm(order: CustomerOrderView): FieldForm {
    const rows = order.lines.map((line) => ({
      line,
      input: el("input", {
        type: "number",
        name: `quantity-${line.sku}`,
        id: `quantity-${line.sku}`,
        min: 0,
        max: 1000,
        step: 1,
        inputmode: "numeric",
        value: line.quantity,
      }),
    }));
    const form = el(
      "form",
      { class: "track-form", "data-testid": "quantities-form" },
      el("h3", {}, "How many would you like?"),
      el("p", { class: "quiet" }, "Set an item to 0 to remove it."),
      ...rows.map(({ line, input }, index) => field(line.name, input, `lines[${index}].quantity`, "field-quantity")),
      el(
        "div",
        { class: "form-actions" },
        el("button", { type: "submit", class: "button button-primary" }, "Save quantities"),
        el("button", { type: "button", class: "button button-quiet", "data-close": "" }, "Keep as it is"),
      ),
    );
    form.querySelector("[data-close]")?.addEventListener("click", () => this.toggle("change-quantities"));
    const fields = withErrors(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const kept = rows
        .map(({ line, input }) => ({ sku: line.sku, quantity: Math.trunc(Number(input.value)) }))
        .filter((l) => Number.isFinite(l.quantity) && l.quantity > 0);
      if (kept.length === 0) {
        showMessage(this.error, "To remove everything, cancel the order instead.");
        return;
      }
      if (kept.length === order.lines.length && kept.every((l, i) => l.quantity === order.lines[i].quantity)) {
        showMessage(this.error, "Nothing has changed yet: set a new quantity first.");
        return;
      }
      // The API's field paths count the lines sent; a removed line is left out, so the paths are mapped back.
      const sentIndex = rows.map((r) => kept.findIndex((k) => k.sku === r.line.sku));
      void this.send(
        "modification",
        { lines: kept },
        {
          form: fields.form,
          errorFor: (path) => {
            const match = /^lines\[(\d+)\]/.exec(path);
            const row = match ? sentIndex.indexOf(Number(match[1])) : -1;
            return row >= 0 ? fields.errorFor(`lines[${row}].quantity`) : null;
          },
        },
        "Your quantities are changed.",
      );
    });
    return fields;
  }
}

/** A labelled field with the place its error is shown, named by the API's path for it. */
function field(label: string, control: HTMLElement, path: string, extra = ""): HTMLElement {
  const error = el("span", { class: "field-error", "data-field": path, role: "alert", hidden: true });
  // Editing the field answers its error: it goes until the server says otherwise.
  control.addEventListener("input", () => showMessage(error, null));
  return el("div", { class: `field ${extra}`.trim() }, el("label", { for: control.id }, label), control, error);
}

function withErrors(form: HTMLFormElement): FieldForm {
  return {
    form,
    errorFor: (path) => form.querySelector<HTMLElement>(`.field-error[data-field="${CSS.escape(path)}"]`),
  };
}

/** What the customer may still do, in the words of what the server offers now (changes end when picking starts, a
 * cancellation when the parcel leaves: see the order's transition table). */
function explanation(offered: FormKind[]): string {
  const changes = offered.some((action) => action !== "cancel");
  const cancel = offered.includes("cancel");
  if (changes && cancel) {
    return "Until we start picking your items, you can still change or cancel your order here.";
  }
  if (changes) {
    return "Until we start picking your items, you can still change your order here.";
  }
  return "We are preparing your order: it can no longer be changed, but you can still cancel it until it leaves us.";
}
