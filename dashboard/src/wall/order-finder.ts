// "Find an order" in the wall's header: by order id, customer id, email or name, from the read model's search
// (GET /api/orders?q=). An exact order id opens at once; the results list floats over the wall, so nothing moves.
// Without the read model (in-memory storage) an order id or an exact customer id still finds the orders.

import { ApiError, getJson } from "../shared/api";
import { el } from "../shared/dom";
import { channelLabel, formatDateTime, formatMoneyIn, orderStatusLabel } from "../shared/format";
import type { OrderListItem, OrderListPage, OrderView } from "../shared/api-types";

/** What the finder shows of an order: the fields a search hit and an order read by id both have. */
type Found = Pick<
  OrderListItem,
  | "id"
  | "status"
  | "channel"
  | "customerId"
  | "email"
  | "shipToName"
  | "shipToCity"
  | "total"
  | "itemCount"
  | "placedAt"
>;

const orderId = /^OG-[0-9A-Z]{4}-[0-9A-Z]{4}$/i;
const delayMs = 300;
const minLength = 3;

export class OrderFinder {
  private readonly input: HTMLInputElement;
  private readonly results: HTMLElement;
  private timer: number | undefined;
  private asked = 0;

  constructor(
    root: HTMLElement,
    private readonly apiKey: () => string | null,
    private readonly open: (orderId: string) => void,
    private readonly currency: () => string | null,
  ) {
    this.input = el("input", {
      type: "search",
      name: "find",
      placeholder: "Order id, customer id, email or name",
      // OrderListQuery.MaxTextLength (api/Orders/OrderListQuery.cs); FinderLimitTests checks the copy.
      maxlength: "100",
      autocomplete: "off",
      spellcheck: "false",
      "aria-label": "Find an order by id, customer id, email or name",
      "aria-controls": "finder-results",
      "data-testid": "find-order",
    });
    this.results = el("div", {
      class: "finder-results",
      id: "finder-results",
      "data-testid": "find-results",
      hidden: true,
    });
    const form = el("form", { class: "finder", role: "search" }, this.input, this.results);
    root.replaceChildren(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(this.timer);
      void this.find(this.input.value.trim(), true);
    });
    this.input.addEventListener("input", () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.find(this.input.value.trim(), false), delayMs);
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        this.hide();
      } else if (event.key === "ArrowDown") {
        this.results.querySelector<HTMLElement>("button")?.focus();
        event.preventDefault();
      }
    });
    this.results.addEventListener("keydown", (event) => {
      const buttons = [...this.results.querySelectorAll<HTMLElement>("button")];
      const at = buttons.indexOf(document.activeElement as HTMLElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))]?.focus();
        event.preventDefault();
      } else if (event.key === "Escape") {
        this.hide();
        this.input.focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (!form.contains(event.target as Node)) {
        this.hide();
      }
    });
  }

  clear(): void {
    this.input.value = "";
    this.hide();
  }

  private hide(): void {
    this.results.hidden = true;
  }

  /** `submitted`: Enter was pressed, so one result opens at once. */
  private async find(query: string, submitted: boolean): Promise<void> {
    const asked = ++this.asked;
    if (query.length < minLength && !submitted) {
      this.hide();
      return;
    }
    if (query.length < minLength) {
      this.say(`Type at least ${minLength} characters.`);
      return;
    }
    try {
      const found = await this.search(query);
      if (asked !== this.asked) {
        return;
      }
      if (submitted && found.length === 1) {
        this.pick(found[0].id);
        return;
      }
      this.list(found, query);
    } catch (failure) {
      if (asked === this.asked) {
        this.say(failure instanceof Error ? failure.message : String(failure));
      }
    }
  }

  private async search(query: string): Promise<Found[]> {
    const apiKey = this.apiKey();
    if (orderId.test(query)) {
      const order = await getJson<OrderView>(`/api/orders/${encodeURIComponent(query.toUpperCase())}`, {
        apiKey,
      }).catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 404) {
          return null;
        }
        throw failure;
      });
      if (order) {
        return [item(order)];
      }
    }
    try {
      const page = await getJson<OrderListPage>(`/api/orders?q=${encodeURIComponent(query)}&pageSize=10`, { apiKey });
      return page.items;
    } catch (failure) {
      if (!(failure instanceof ApiError) || failure.status !== 503) {
        throw failure;
      }
      // No read model (in-memory storage): an exact customer id still lists that customer's orders.
      return await this.customerOrders(query);
    }
  }

  private async customerOrders(customerId: string): Promise<Found[]> {
    const apiKey = this.apiKey();
    const customer = await getJson<{ orderIds: string[] }>(`/api/customers/${encodeURIComponent(customerId)}`, {
      apiKey,
    }).catch(() => ({ orderIds: [] as string[] }));
    const orders = await Promise.all(
      customer.orderIds
        .slice(-10)
        .map((id) => getJson<OrderView>(`/api/orders/${encodeURIComponent(id)}`, { apiKey }).catch(() => null)),
    );
    return orders
      .filter((o): o is OrderView => o !== null)
      .map(item)
      .reverse();
  }

  private list(found: Found[], query: string): void {
    if (found.length === 0) {
      this.say(`No order found for “${query}”.`);
      return;
    }
    this.results.replaceChildren(
      el(
        "ul",
        {},
        ...found.map((order) => {
          const button = el(
            "button",
            { type: "button", "data-order-id": order.id, "data-testid": "find-result" },
            el("strong", { class: "finder-id" }, order.id),
            el("span", {}, orderStatusLabel(order.status)),
            el("span", {}, [order.shipToName, order.email ?? order.customerId].filter(Boolean).join(" · ")),
            el(
              "span",
              { class: "quiet" },
              `${channelLabel(order.channel)} · ${formatMoneyIn(this.currency(), order.total)} · ${formatDateTime(order.placedAt)}`,
            ),
          );
          button.addEventListener("click", () => this.pick(order.id));
          return el("li", {}, button);
        }),
      ),
    );
    this.results.hidden = false;
  }

  private say(words: string): void {
    this.results.replaceChildren(el("p", { class: "quiet" }, words));
    this.results.hidden = false;
  }

  private pick(id: string): void {
    this.hide();
    this.open(id);
  }
}

function item(order: OrderView): Found {
  return {
    id: order.id,
    status: order.status,
    channel: order.channel,
    customerId: order.customerId,
    email: order.email,
    shipToName: order.shipTo?.name ?? null,
    shipToCity: order.shipTo?.city ?? null,
    total: order.total,
    itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
    placedAt: order.placedAt,
  };
}
