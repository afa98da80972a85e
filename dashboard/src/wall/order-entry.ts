// Staff order entry on the wall: a phone, email or in-store order for a customer, with product search showing what
// each warehouse has, delivery to an address or click & collect at a store. POST /api/orders with an Idempotency-Key,
// so a double click or a retry places the order once.

import { getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import { formatAmount, orderStatusLabel } from "../shared/format";
import type { OrderView } from "../shared/types";

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
}

const searchDelayMs = 250;
const addressFields = ["name", "line1", "line2", "city", "postalCode", "country"] as const;

export class OrderEntry {
  private readonly dialog: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly results: HTMLElement;
  private readonly linesBody: HTMLElement;
  private readonly store: HTMLSelectElement;
  private readonly address: HTMLFieldSetElement;
  private readonly error: HTMLElement;
  private readonly outcome: HTMLElement;
  private readonly lines = new Map<string, EntryLine>();
  private idempotencyKey = crypto.randomUUID();
  private searchTimer: number | undefined;

  constructor(
    private readonly apiKey: () => string | null,
    private readonly placed: (order: OrderView) => void,
  ) {
    const search = el("input", {
      type: "search",
      name: "q",
      placeholder: "SKU or name",
      "data-testid": "entry-search",
    });
    search.addEventListener("input", () => this.searchSoon(search.value));
    this.results = el("ul", { class: "entry-results", "data-testid": "entry-results" });
    this.linesBody = el("tbody", { "data-testid": "entry-lines" });
    this.store = el("select", { name: "store", "data-testid": "entry-store" });
    this.address = el(
      "fieldset",
      { class: "entry-address" },
      el("legend", {}, "Ship to"),
      ...addressFields.map((field) =>
        el("label", {}, field, el("input", { name: `shipTo.${field}`, "data-field": `shipTo.${field}` })),
      ),
    );
    this.error = el("p", { class: "error", role: "alert", "data-testid": "entry-error", hidden: "" });
    this.outcome = el("p", { class: "entry-outcome", "data-testid": "entry-outcome" });
    const fulfilment = el(
      "select",
      { name: "fulfilment", "data-testid": "entry-fulfilment" },
      el("option", { value: "delivery" }, "Delivery"),
      el("option", { value: "pickup" }, "Click & collect"),
    );
    fulfilment.addEventListener("change", () => this.showFulfilment(fulfilment.value === "pickup"));
    this.form = el(
      "form",
      { method: "dialog", class: "order-entry" },
      el("h2", {}, "Enter an order"),
      el(
        "label",
        {},
        "Channel ",
        el(
          "select",
          { name: "channel", "data-testid": "entry-channel" },
          el("option", { value: "phone" }, "Phone"),
          el("option", { value: "email" }, "Email"),
          el("option", { value: "store" }, "Store"),
        ),
      ),
      el(
        "label",
        {},
        "Customer id ",
        el("input", { name: "customerId", required: "", "data-testid": "entry-customer" }),
      ),
      el("label", {}, "Email ", el("input", { name: "email", type: "email", "data-testid": "entry-email" })),
      el("label", {}, "Phone ", el("input", { name: "phone", type: "tel", "data-testid": "entry-phone" })),
      el("label", {}, "Find a product ", search),
      this.results,
      el(
        "table",
        { class: "data" },
        el(
          "thead",
          {},
          el("tr", {}, ...["SKU", "Product", "Price", "Qty", ""].map((h) => el("th", { scope: "col" }, h))),
        ),
        this.linesBody,
      ),
      el("label", {}, "Fulfilment ", fulfilment),
      el("label", { class: "entry-store" }, "Collect at ", this.store),
      this.address,
      this.error,
      this.outcome,
      el(
        "div",
        { class: "detail-actions" },
        el("button", { type: "submit", value: "place", "data-testid": "entry-submit" }, "Place order"),
        el("button", { type: "button", class: "quiet-button", "data-testid": "entry-close" }, "Close"),
      ),
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.form.querySelector("[data-testid=entry-close]")?.addEventListener("click", () => this.dialog.close());
    this.dialog = el("dialog", { class: "order-entry-dialog", "data-testid": "order-entry" }, this.form);
    document.body.append(this.dialog);
    this.showFulfilment(false);
  }

  async open(): Promise<void> {
    this.form.reset();
    this.lines.clear();
    this.linesBody.replaceChildren();
    this.results.replaceChildren();
    this.outcome.replaceChildren();
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
    (this.store.parentElement as HTMLElement).hidden = !pickup;
    this.address.querySelector("legend")!.textContent = pickup ? "Customer address (optional)" : "Ship to";
  }

  private searchSoon(query: string): void {
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => void this.search(query.trim()), searchDelayMs);
  }

  private async search(query: string): Promise<void> {
    if (query === "") {
      this.results.replaceChildren();
      return;
    }
    try {
      const hits = await getJson<ProductAvailability[]>(`/api/catalog/search?q=${encodeURIComponent(query)}&limit=10`, {
        apiKey: this.apiKey(),
      });
      this.results.replaceChildren(...hits.map((hit) => this.result(hit)));
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  private result(hit: ProductAvailability): HTMLElement {
    const add = el("button", { type: "button", class: "quiet-button", "data-testid": "entry-add" }, "Add");
    add.addEventListener("click", () => this.add(hit));
    const stock = hit.warehouses.map((w) => `${w.warehouseName}: ${w.available}`).join(" · ");
    return el(
      "li",
      { "data-sku": hit.sku },
      el("strong", {}, hit.sku),
      ` ${hit.name} · ${formatAmount(hit.unitPrice)} `,
      el("span", { class: "quiet", "data-testid": "entry-availability" }, stock),
      " ",
      add,
    );
  }

  private add(product: ProductAvailability): void {
    const known = this.lines.get(product.sku);
    if (known) {
      known.quantity.valueAsNumber += 1;
      return;
    }
    const quantity = el("input", { type: "number", min: "1", value: "1", "data-testid": "entry-quantity" });
    const remove = el("button", { type: "button", class: "quiet-button" }, "Remove");
    const row = el(
      "tr",
      {},
      el("td", {}, product.sku),
      el("td", {}, product.name),
      el("td", { class: "number" }, formatAmount(product.unitPrice)),
      el("td", {}, quantity),
      el("td", {}, remove),
    );
    remove.addEventListener("click", () => {
      this.lines.delete(product.sku);
      row.remove();
    });
    this.lines.set(product.sku, { product, quantity });
    this.linesBody.append(row);
  }

  private body(): unknown {
    const data = new FormData(this.form);
    const text = (name: string): string | null => {
      const value = String(data.get(name) ?? "").trim();
      return value === "" ? null : value;
    };
    const pickup = data.get("fulfilment") === "pickup";
    const address = Object.fromEntries(addressFields.map((field) => [field, text(`shipTo.${field}`)]));
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
    try {
      const order = await postJson<OrderView>("/api/orders", {
        apiKey: this.apiKey(),
        body: this.body(),
        headers: { "Idempotency-Key": this.idempotencyKey },
      });
      this.outcome.replaceChildren(
        `Order ${order.id} placed: ${orderStatusLabel(order.status)}, total ${formatAmount(order.total)}.`,
      );
      this.outcome.dataset.orderId = order.id;
      this.idempotencyKey = crypto.randomUUID();
      this.placed(order);
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
