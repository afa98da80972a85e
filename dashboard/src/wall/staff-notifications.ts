// Staff notices on the wall: holds for review and delivery exceptions, as a list of dismissable toasts fed by the
// wall's live event stream. Each timeline entry shows once, however often the stream repeats it.

import { el } from "../shared/dom";
import type { OrderEvent } from "../shared/types";

/** Timeline kinds staff are told of, and how each one reads. */
const noticeTitles: Record<string, string> = {
  "order.held-for-review": "held for review",
  "shipment.exception": "delivery exception",
};
const maxNotices = 8;

export class StaffNotifications {
  private readonly list: HTMLElement;
  private readonly shown = new Set<string>();

  constructor(parent: HTMLElement = document.body) {
    this.list = el("ol", { class: "staff-notifications", "data-testid": "staff-notifications", "aria-live": "polite" });
    Object.assign(this.list.style, {
      position: "fixed",
      right: "1rem",
      bottom: "1rem",
      zIndex: "1000",
      display: "flex",
      flexDirection: "column",
      gap: "0.5rem",
      margin: "0",
      padding: "0",
      listStyle: "none",
      maxWidth: "24rem",
    });
    parent.append(this.list);
  }

  /** Shows a toast for each entry of the event that staff must act on. */
  orderEvent(change: OrderEvent): void {
    for (const entry of change.entries) {
      const title = noticeTitles[entry.kind];
      const key = `${change.orderId}:${entry.sequence}`;
      if (!title || this.shown.has(key)) {
        continue;
      }
      this.shown.add(key);
      this.add(`Order ${change.orderId} ${title}: ${reasonOf(entry.description)}`);
    }
  }

  clear(): void {
    this.list.replaceChildren();
    this.shown.clear();
  }

  private add(text: string): void {
    const dismiss = el("button", { type: "button", "aria-label": "Dismiss" }, "×");
    const toast = el(
      "li",
      { class: "error", role: "status", "data-testid": "staff-notification" },
      el("span", {}, text),
      dismiss,
    );
    Object.assign(toast.style, {
      display: "flex",
      gap: "0.75rem",
      alignItems: "flex-start",
      justifyContent: "space-between",
    });
    dismiss.addEventListener("click", () => toast.remove());
    this.list.prepend(toast);
    while (this.list.children.length > maxNotices) {
      this.list.lastElementChild?.remove();
    }
  }
}

/** "Held for review by rule 'x': reason." reads as its reason; other descriptions as they are. */
function reasonOf(description: string): string {
  const colon = description.indexOf(": ");
  return (colon >= 0 ? description.slice(colon + 2) : description).replace(/\.$/, "");
}
