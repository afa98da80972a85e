// Staff notices on the wall: orders held for review and delivery problems, fed by the wall's live event stream. A
// notice goes away by itself once what it speaks of is resolved (the held order was approved, rejected or cancelled;
// the shipment moved on), and staff can dismiss it. Notices sit at the bottom left, clear of the order detail on the
// right; at most a few show, the rest are counted, and the empty space around them takes no clicks.

import { el } from "../shared/dom";
import { EventKinds } from "../shared/event-kinds";
import type { WallOrderEvent, OrderStatus } from "../shared/api-types";

interface NoticeKind {
  /** How the notice reads after "Order X". */
  title: string;
  /** The status the order has while the notice still matters. */
  while: OrderStatus;
}

/** Timeline kinds staff are told of. */
const kinds: Partial<Record<string, NoticeKind>> = {
  [EventKinds.OrderHeldForReview]: { title: "held for review", while: "AwaitingReview" },
  [EventKinds.ShipmentException]: { title: "has a delivery problem", while: "DeliveryException" },
};
const maxShown = 3;

interface Notice {
  orderId: string;
  kind: NoticeKind;
  item: HTMLElement;
}

export class StaffNotifications {
  private readonly list: HTMLElement;
  private readonly more: HTMLElement;
  private readonly notices: Notice[] = [];
  private readonly fold: HTMLButtonElement;
  private folded = false;
  /** Timeline entries already shown or dismissed: the stream repeats itself after a reconnect. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly open: (orderId: string) => void,
    parent: HTMLElement = document.body,
  ) {
    this.list = el("ol", { class: "staff-notices", "data-testid": "staff-notifications", "aria-live": "polite" });
    const dismissAll = el(
      "button",
      { type: "button", class: "quiet-button", "data-testid": "dismiss-all" },
      "Dismiss all",
    );
    dismissAll.addEventListener("click", () => this.dismissAll());
    // Folded, the notices shrink to this bar and leave the wall beneath them free.
    this.fold = el(
      "button",
      { type: "button", class: "quiet-button", "data-testid": "fold-notices", "aria-expanded": "true" },
      "Hide",
    );
    this.fold.addEventListener("click", () => {
      this.folded = !this.folded;
      this.layout();
    });
    this.more = el("div", { class: "staff-notices-more", hidden: true }, el("span", {}), this.fold, dismissAll);
    parent.append(el("div", { class: "staff-notices-area" }, this.list, this.more));
  }

  /** Shows a notice for each entry staff must act on, and drops the order's notices its new status resolved. */
  orderEvent(change: WallOrderEvent): void {
    for (const notice of this.notices.filter((n) => n.orderId === change.orderId && n.kind.while !== change.status)) {
      this.remove(notice);
    }
    for (const entry of change.entries) {
      const kind = kinds[entry.kind];
      const key = `${change.orderId}:${entry.sequence}`;
      if (!kind || this.seen.has(key) || change.status !== kind.while) {
        continue;
      }
      this.seen.add(key);
      this.add(change.orderId, kind, reasonOf(entry.description));
    }
    this.layout();
  }

  /** Drops the notices of held orders no longer in the review queue (approved or cancelled while the wall was away). */
  reviewQueue(orderIds: Set<string>): void {
    for (const notice of this.notices.filter((n) => n.kind.while === "AwaitingReview" && !orderIds.has(n.orderId))) {
      this.remove(notice);
    }
    this.layout();
  }

  clear(): void {
    this.notices.length = 0;
    this.list.replaceChildren();
    this.seen.clear();
    this.layout();
  }

  private add(orderId: string, kind: NoticeKind, reason: string): void {
    // One notice per order and kind: a second hold replaces the first.
    for (const old of this.notices.filter((n) => n.orderId === orderId && n.kind === kind)) {
      this.remove(old);
    }
    const openButton = el(
      "button",
      { type: "button", class: "notice-open", "data-order-id": orderId },
      `Order ${orderId} ${kind.title}`,
    );
    const dismiss = el(
      "button",
      { type: "button", class: "notice-dismiss", "aria-label": `Dismiss the notice about ${orderId}` },
      "×",
    );
    const item = el(
      "li",
      { class: "staff-notice", role: "status", "data-testid": "staff-notification", "data-order-id": orderId },
      el("div", {}, openButton, el("span", { class: "notice-reason" }, reason)),
      dismiss,
    );
    const notice: Notice = { orderId, kind, item };
    openButton.addEventListener("click", () => this.open(orderId));
    dismiss.addEventListener("click", () => {
      this.remove(notice);
      this.layout();
    });
    this.notices.unshift(notice);
    this.list.prepend(item);
  }

  private remove(notice: Notice): void {
    const at = this.notices.indexOf(notice);
    if (at >= 0) {
      this.notices.splice(at, 1);
    }
    notice.item.remove();
  }

  private dismissAll(): void {
    for (const notice of [...this.notices]) {
      this.remove(notice);
    }
    this.layout();
  }

  /** The newest few show (none while folded); below them how many there are, fold and "Dismiss all". */
  private layout(): void {
    this.notices.forEach((notice, i) => (notice.item.hidden = this.folded || i >= maxShown));
    const count = this.notices.length;
    const hidden = this.folded ? count : count - maxShown;
    this.more.hidden = count === 0;
    (this.more.firstElementChild as HTMLElement).textContent =
      `${count} notice${count === 1 ? "" : "s"}` + (hidden > 0 ? ` (${hidden} hidden)` : "");
    this.fold.textContent = this.folded ? "Show" : "Hide";
    this.fold.setAttribute("aria-expanded", String(!this.folded));
  }
}

/** "Held for review by rule 'x': reason." reads as its reason; other descriptions as they are. */
function reasonOf(description: string): string {
  const colon = description.indexOf(": ");
  return (colon >= 0 ? description.slice(colon + 2) : description).replace(/\.$/, "");
}
