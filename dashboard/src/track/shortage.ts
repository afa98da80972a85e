// "Waiting for stock" on the tracking page: what is missing and until when it is expected (the open purchase orders,
// as the server reads them), and the customer's choice — wait for everything, ship what is here now, or drop what is
// missing — each offered only while the server's allowedActions say so.

import { ApiError, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import { formatDay } from "../shared/format";
import type { CustomerOrderView, OrderAction } from "../shared/api-types";
import type { PageLink } from "./self-service";
import { formatMoney, items } from "./words";

type Choice = "wait-for-stock" | "ship-available-now" | "drop-missing-lines";

export class Shortage {
  readonly element = el("section", {
    class: "shortage",
    "data-testid": "shortage",
    "aria-labelledby": "shortage-title",
    hidden: true,
  });

  private readonly error = el("p", { class: "error", role: "alert", hidden: true });

  constructor(private readonly page: PageLink) {}

  update(order: CustomerOrderView): void {
    const missing = order.lines.filter((l) => l.backorderedQuantity > 0);
    if (missing.length === 0 || order.status === "Cancelled") {
      this.element.hidden = true;
      this.element.replaceChildren();
      return;
    }

    const waiting = missing.reduce((sum, l) => sum + l.backorderedQuantity, 0);
    const here = order.lines.reduce((sum, l) => sum + l.quantity, 0) - waiting;
    const refund = missing.reduce((sum, l) => sum + l.backorderedQuantity * l.unitPrice, 0);
    const offered = (choice: Choice) => order.allowedActions.includes(choice as OrderAction);
    const choices: { choice: Choice; label: string; explain: string }[] = [
      {
        choice: "wait-for-stock",
        label: "Wait for everything",
        explain: "We send your whole order together as soon as the missing items arrive.",
      },
      {
        choice: "ship-available-now",
        label: "Ship what is here now",
        explain: `We send the ${items(here)} we have now; the rest follows in another parcel when it arrives.`,
      },
      {
        choice: "drop-missing-lines",
        label: "Drop the missing items",
        explain: `We send the ${items(here)} we have and refund ${formatMoney(refund, order.currency)} for the rest.`,
      },
    ].filter((c) => offered(c.choice as Choice)) as { choice: Choice; label: string; explain: string }[];

    const split = order.status !== "Backordered";
    const parts: (HTMLElement | null)[] = [
      el("h2", { id: "shortage-title" }, split ? "Still to come" : "Waiting for stock"),
      el(
        "p",
        {},
        split
          ? `${items(waiting)} of your order will follow as soon as the stock arrives:`
          : here > 0
            ? `We have ${items(here)} of your order here. We are waiting for:`
            : "We are waiting for stock of:",
      ),
      el(
        "ul",
        { class: "missing-lines" },
        ...missing.map((line) =>
          el(
            "li",
            { "data-testid": "missing-line", "data-sku": line.sku },
            el("strong", {}, `${line.backorderedQuantity} × ${line.name}`),
            el(
              "span",
              { class: "expected" },
              line.expectedBy ? `expected by ${formatDay(line.expectedBy)}` : "no date yet",
            ),
          ),
        ),
      ),
      order.waitingByChoice
        ? el(
            "p",
            { class: "chosen", "data-testid": "waiting-by-choice" },
            "You chose to wait for everything. You can still change your mind:",
          )
        : null,
      choices.length > 0 && !order.waitingByChoice
        ? el("p", { class: "choose" }, "What would you like us to do?")
        : null,
      choices.length > 0
        ? el(
            "div",
            { class: "choices" },
            ...choices.map((c) =>
              el(
                "button",
                {
                  type: "button",
                  class: "choice",
                  "data-choice": c.choice,
                  disabled: this.page.busy.value,
                },
                el("strong", {}, c.label),
                el("span", {}, c.explain),
              ),
            ),
          )
        : !split
          ? el("p", { class: "quiet" }, "We will send your order as soon as the stock arrives.")
          : null,
      this.error,
    ];
    this.element.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
    for (const button of this.element.querySelectorAll<HTMLButtonElement>("button[data-choice]")) {
      button.addEventListener("click", () => void this.choose(button.dataset.choice as Choice));
    }
    this.element.hidden = false;
  }

  private async choose(choice: Choice): Promise<void> {
    if (this.page.busy.value) {
      return;
    }
    this.page.busy.value = true;
    showMessage(this.error, null);
    this.element.querySelectorAll<HTMLButtonElement>("button").forEach((b) => {
      b.disabled = true;
    });
    try {
      const order = await postJson<CustomerOrderView>(
        `/api/track/${encodeURIComponent(this.page.orderId)}/shortage?token=${encodeURIComponent(this.page.token)}`,
        { body: { choice } },
      );
      this.page.busy.value = false;
      this.page.show(order);
    } catch (error) {
      this.page.busy.value = false;
      this.element.querySelectorAll<HTMLButtonElement>("button").forEach((b) => {
        b.disabled = false;
      });
      showMessage(this.error, error instanceof ApiError ? error.message : String(error));
    }
  }
}
