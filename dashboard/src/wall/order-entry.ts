// Staff order entry on the wall: a phone, email or in-store order for a customer, with product search showing what
// each warehouse has, delivery to an address or click & collect at a store. POST /api/orders with an Idempotency-Key,
// so a double click or a retry places the order once. Every field is labelled in words, the search results float
// over the form (it never jumps), and the API's errors show beside the field they are about.

import { getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import { clearFieldErrors, field, showFieldErrors } from "../shared/fields";
import { formatMoneyIn, orderStatusLabel } from "../shared/format";
import type { OrderView } from "../shared/api-types";

interface ProductAvailability {
  sku: string;
  name: string;
  unitPrice: number;
  warehouses: { warehouseId: string; warehouseName: string; available: number }[];
}

interface Warehouse {
  id: string;
  name: string;
}

interface EntryLine {
  product: ProductAvailability;
  quantity: HTMLInputElement;
  error: HTMLElement;
}

const searchDelayMs = 250;

/** The address fields: the request's name and the words staff read. */
const addressFields: [string, string, string][] = [
  ["name", "Name", "name"],
  ["line1", "Address line 1", "address-line1"],
  ["line2", "Address line 2 (optional)", "address-line2"],
  ["city", "Town or city", "address-level2"],
  ["postalCode", "Postcode", "postal-code"],
  ["country", "Country (e.g. GB)", "country"],
];

export class OrderEntry {
  private readonly dialog: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly search: HTMLInputElement;
  private readonly results: HTMLElement;
  private readonly linesBody: HTMLElement;
  private readonly linesError: HTMLElement;
  private readonly store: HTMLSelectElement;
  private readonly storeField: HTMLElement;
  private readonly address: HTMLFieldSetElement;
  private readonly addressLegend: HTMLElement;
  private readonly error: HTMLElement;
  private readonly outcome: HTMLElement;
  private readonly submitButton: HTMLButtonElement;
  /** Shown instead of "Place order" once the order is placed, so that a second click cannot place it twice. */
  private readonly anotherButton: HTMLButtonElement;
  private readonly lines = new Map<string, EntryLine>();
  private idempotencyKey = crypto.randomUUID();
  private searchTimer: number | undefined;

  constructor(
    private readonly apiKey: () => string | null,
    private readonly placed: (order: OrderView) => void,
    private readonly currency: () => string | null,
  ) {
    this.search = el("input", {
      type: "search",
      name: "q",
      placeholder: "SKU or product name",
      autocomplete: "off",
      "data-testid": "entry-search",
    });
    this.search.addEventListener("input", () => this.searchSoon(this.search.value));
    this.search.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.results.childElementCount > 0) {
        // Escape closes the results first, not the dialog.
        event.preventDefault();
        this.results.replaceChildren();
      }
    });
    this.results = el("ul", { class: "entry-results", "data-testid": "entry-results", "aria-label": "Products found" });
    this.linesBody = el("tbody", { "data-testid": "entry-lines" });
    this.linesError = el("span", { class: "field-error", "data-error-for": "lines", role: "alert", hidden: true });
    this.store = el("select", { name: "store", "data-testid": "entry-store" });
    this.storeField = field("Collect at", this.store, "fulfilment.warehouseId");
    this.addressLegend = el("legend", {}, "Deliver to");
    this.address = el(
      "fieldset",
      { class: "entry-address" },
      this.addressLegend,
      el("span", { class: "field-error wide", "data-error-for": "shipTo", role: "alert", hidden: true }),
      ...addressFields.map(([name, label, autocomplete]) =>
        field(label, el("input", { name: `shipTo.${name}`, type: "text", autocomplete }), `shipTo.${name}`),
      ),
    );
    this.error = el("p", { class: "error", role: "alert", "data-testid": "entry-error", hidden: "" });
    this.outcome = el("p", { class: "entry-outcome", "data-testid": "entry-outcome", role: "status" });
    const fulfilment = el(
      "select",
      { name: "fulfilment", "data-testid": "entry-fulfilment" },
      el("option", { value: "delivery" }, "Delivery by carrier"),
      el("option", { value: "pickup" }, "Click & collect in a store"),
    );
    fulfilment.addEventListener("change", () => this.showFulfilment(fulfilment.value === "pickup"));
    this.anotherButton = el(
      "button",
      { type: "button", class: "primary", "data-testid": "entry-another", hidden: true },
      "Enter another order",
    );
    this.submitButton = el(
      "button",
      { type: "submit", class: "primary", value: "place", "data-testid": "entry-submit" },
      "Place order",
    );
    const channel = el(
      "select",
      { name: "channel", "data-testid": "entry-channel" },
      el("option", { value: "phone" }, "Phone"),
      el("option", { value: "email" }, "Email"),
      el("option", { value: "store" }, "In store"),
    );
    this.form = el(
      "form",
      { method: "dialog", class: "order-entry", novalidate: true },
      el("h2", {}, "Enter an order"),
      el(
        "fieldset",
        {},
        el("legend", {}, "Customer"),
        field("How the order came in", channel, "channel"),
        field(
          "Customer id",
          el("input", { name: "customerId", type: "text", required: true, "data-testid": "entry-customer" }),
          "customerId",
        ),
        field(
          "Email",
          el("input", { name: "email", type: "email", autocomplete: "email", "data-testid": "entry-email" }),
          "email",
        ),
        field(
          "Phone",
          el("input", { name: "phone", type: "tel", autocomplete: "tel", "data-testid": "entry-phone" }),
          "phone",
          "An email or a phone number is needed.",
        ),
      ),
      el(
        "fieldset",
        {},
        el("legend", {}, "Products"),
        el(
          "div",
          { class: "entry-search wide" },
          el("label", { class: "field" }, el("span", { class: "field-label" }, "Find a product"), this.search),
          this.results,
        ),
        el(
          "table",
          { class: "data wide" },
          el(
            "thead",
            {},
            el("tr", {}, ...["SKU", "Product", "Price", "Quantity", ""].map((h) => el("th", { scope: "col" }, h))),
          ),
          this.linesBody,
        ),
        el("div", { class: "wide" }, this.linesError),
      ),
      el(
        "fieldset",
        {},
        el("legend", {}, "Fulfilment"),
        field("How it reaches the customer", fulfilment, "fulfilment.kind"),
        this.storeField,
      ),
      this.address,
      this.error,
      this.outcome,
      el(
        "div",
        { class: "detail-actions" },
        this.submitButton,
        this.anotherButton,
        el("button", { type: "button", class: "quiet-button", "data-testid": "entry-close" }, "Close"),
      ),
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.form.querySelector("[data-testid=entry-close]")?.addEventListener("click", () => this.dialog.close());
    this.anotherButton.addEventListener("click", () => void this.open());
    this.dialog = el(
      "dialog",
      { class: "order-entry-dialog", "data-testid": "order-entry", "aria-label": "Enter an order" },
      this.form,
    );
    document.body.append(this.dialog);
    document.addEventListener("click", (event) => {
      if (!(event.target as Element).closest(".entry-search")) {
        this.results.replaceChildren();
      }
    });
    this.showFulfilment(false);
    this.showLines();
  }

  async open(): Promise<void> {
    this.form.reset();
    this.lines.clear();
    this.showLines();
    this.results.replaceChildren();
    this.outcome.replaceChildren();
    delete this.outcome.dataset.orderId;
    this.outcome.hidden = true;
    this.submitButton.hidden = false;
    this.anotherButton.hidden = true;
    clearFieldErrors(this.form);
    showMessage(this.error, null);
    this.idempotencyKey = crypto.randomUUID();
    this.showFulfilment(false);
    this.dialog.showModal();
    try {
      const warehouses = await getJson<Warehouse[]>("/api/warehouses", { apiKey: this.apiKey() });
      this.store.replaceChildren(...warehouses.map((w) => el("option", { value: w.id }, w.name)));
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  private showFulfilment(pickup: boolean): void {
    this.storeField.hidden = !pickup;
    this.addressLegend.textContent = pickup ? "Customer's address (optional for click & collect)" : "Deliver to";
  }

  private searchSoon(query: string): void {
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => void this.find(query.trim()), searchDelayMs);
  }

  private async find(query: string): Promise<void> {
    if (query === "") {
      this.results.replaceChildren();
      return;
    }
    try {
      const hits = await getJson<ProductAvailability[]>(`/api/catalog/search?q=${encodeURIComponent(query)}&limit=10`, {
        apiKey: this.apiKey(),
      });
      this.results.replaceChildren(
        ...(hits.length
          ? hits.map((hit) => this.result(hit))
          : [el("li", { class: "quiet" }, `No product matches “${query}”.`)]),
      );
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  private result(hit: ProductAvailability): HTMLElement {
    const add = el("button", { type: "button", class: "quiet-button", "data-testid": "entry-add" }, "Add");
    add.addEventListener("click", () => {
      this.add(hit);
      this.results.replaceChildren();
      this.search.value = "";
      this.search.focus();
    });
    const stock = hit.warehouses.map((w) => `${w.warehouseName}: ${w.available}`).join(" · ");
    return el(
      "li",
      { "data-sku": hit.sku },
      el("span", {}, el("strong", {}, hit.sku), ` ${hit.name} · ${formatMoneyIn(this.currency(), hit.unitPrice)}`),
      el("span", { class: "quiet", "data-testid": "entry-availability" }, `Available: ${stock}`),
      add,
    );
  }

  private add(product: ProductAvailability): void {
    const known = this.lines.get(product.sku);
    if (known) {
      known.quantity.valueAsNumber += 1;
      return;
    }
    const quantity = el("input", {
      type: "number",
      min: "1",
      value: "1",
      inputmode: "numeric",
      "aria-label": `Quantity of ${product.name}`,
      "data-testid": "entry-quantity",
    });
    const error = el("span", { class: "field-error", role: "alert", hidden: true });
    this.lines.set(product.sku, { product, quantity, error });
    this.showLines();
  }

  private showLines(): void {
    if (this.lines.size === 0) {
      this.linesBody.replaceChildren(
        el("tr", {}, el("td", { colspan: "5", class: "entry-lines-empty" }, "No products yet: find them above.")),
      );
      return;
    }
    this.linesBody.replaceChildren(
      ...[...this.lines.values()].map((line, i) => {
        // Errors come back by the line's position in the request, which is its row here.
        line.quantity.dataset.path = `lines[${i}].quantity`;
        line.error.dataset.errorFor = `lines[${i}].quantity`;
        const remove = el("button", { type: "button", class: "quiet-button" }, "Remove");
        remove.addEventListener("click", () => {
          this.lines.delete(line.product.sku);
          this.showLines();
        });
        return el(
          "tr",
          {},
          el("td", {}, line.product.sku),
          el("td", {}, line.product.name),
          el("td", { class: "number" }, formatMoneyIn(this.currency(), line.product.unitPrice)),
          el("td", {}, line.quantity, line.error),
          el("td", {}, remove),
        );
      }),
    );
  }

  private body(): unknown {
    const data = new FormData(this.form);
    const text = (name: string): string | null => {
      const value = String(data.get(name) ?? "").trim();
      return value === "" ? null : value;
    };
    const pickup = data.get("fulfilment") === "pickup";
    const address = Object.fromEntries(addressFields.map(([name]) => [name, text(`shipTo.${name}`)]));
    const hasAddress = Object.values(address).some((value) => value !== null);
    return {
      customerId: text("customerId"),
      email: text("email"),
      phone: text("phone"),
      channel: data.get("channel"),
      lines: [...this.lines.values()].map((line) => ({ sku: line.product.sku, quantity: line.quantity.valueAsNumber })),
      shipTo: pickup && !hasAddress ? null : address,
      fulfilment: pickup ? { kind: "pickup", warehouseId: this.store.value } : { kind: "delivery" },
    };
  }

  private async submit(): Promise<void> {
    showMessage(this.error, null);
    clearFieldErrors(this.form);
    this.submitButton.disabled = true;
    try {
      const order = await postJson<OrderView>("/api/orders", {
        apiKey: this.apiKey(),
        body: this.body(),
        headers: { "Idempotency-Key": this.idempotencyKey },
      });
      this.outcome.replaceChildren(
        `Order ${order.id} placed: ${orderStatusLabel(order.status)}, total ${formatMoneyIn(this.currency(), order.total)}.`,
      );
      this.outcome.dataset.orderId = order.id;
      this.outcome.hidden = false;
      this.submitButton.hidden = true;
      this.anotherButton.hidden = false;
      this.anotherButton.focus();
      this.idempotencyKey = crypto.randomUUID();
      this.placed(order);
    } catch (failure) {
      const rest = showFieldErrors(this.form, failure);
      showMessage(this.error, rest ?? "The order was not placed: see the fields marked.");
      this.form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    } finally {
      this.submitButton.disabled = false;
    }
  }
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
