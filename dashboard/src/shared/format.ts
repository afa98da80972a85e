// Words and numbers as people read them: status labels, local times, amounts.

import type { HoldKind, OrderStatus, SalesChannel, ShipmentStatus } from "./api-types";

const orderStatusLabels: Record<OrderStatus, string> = {
  Placed: "Placed",
  AwaitingReview: "Awaiting review",
  Reserved: "Reserved",
  Backordered: "Backordered",
  Processing: "Processing",
  PartiallyShipped: "Partially shipped",
  Shipped: "Shipped",
  InTransit: "In transit",
  OutForDelivery: "Out for delivery",
  Delivered: "Delivered",
  DeliveryException: "Delivery problem",
  Completed: "Completed",
  Cancelled: "Cancelled",
  ReadyForPickup: "Ready for pickup",
};

const shipmentStatusLabels: Record<ShipmentStatus, string> = {
  Shipped: "Shipped",
  InTransit: "In transit",
  OutForDelivery: "Out for delivery",
  Delivered: "Delivered",
  Exception: "Delivery problem",
};

const holdKindLabels: Record<HoldKind, string> = {
  Review: "Review",
  OutOfStock: "Out of stock",
  Address: "Address",
  Payment: "Payment",
};

const channelLabels: Record<SalesChannel, string> = {
  web: "Web",
  app: "App",
  phone: "Phone",
  email: "Email",
  store: "Store",
};

export function orderStatusLabel(status: OrderStatus): string {
  return orderStatusLabels[status] ?? status;
}

/** Why an order is held, as a heading: "Out of stock". */
export function holdKindLabel(kind: HoldKind): string {
  return holdKindLabels[kind] ?? kind;
}

export function shipmentStatusLabel(status: ShipmentStatus): string {
  return shipmentStatusLabels[status] ?? status;
}

export function channelLabel(channel: SalesChannel): string {
  return channelLabels[channel] ?? channel;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const minuteOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const amount = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat();

/** A date and time in the reader's own time zone, e.g. "12 Mar 2025, 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** The time of day with seconds, for the live event stream. */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** Hours and minutes, for chart labels. */
export function formatMinute(iso: string): string {
  return minuteOfDay.format(new Date(iso));
}

/** How long ago, in the largest unit that fits: "just now", "5 min", "3 h", "2 days". */
export function formatAge(iso: string, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) {
    return "just now";
  }
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h`;
  }
  return `${Math.floor(hours / 24)} days`;
}

export function formatAmount(value: number): string {
  return amount.format(value);
}

const money = new Map<string, Intl.NumberFormat>();

/** An amount with the currency's symbol, e.g. "£12.50" (the view's ISO 4217 code, the reader's number format). */
export function formatMoney(value: number, currency: string): string {
  let format = money.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: "currency", currency });
    } catch {
      // An unknown code still reads as an amount: "12.50 XYZ".
      const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${plain.format(value)} ${currency}`;
    }
    money.set(currency, format);
  }
  return format.format(value);
}

/** An amount in the catalog's currency ("£1.64") when the page knows it; a bare amount until then. */
export function formatMoneyIn(currency: string | null, value: number): string {
  return currency ? formatMoney(value, currency) : formatAmount(value);
}

export function formatCount(value: number): string {
  return count.format(value);
}

const dayMonth = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });

/** A calendar day ("yyyy-MM-dd", no time zone) as the day it names, e.g. "12 Dec". */
export function formatDay(day: string): string {
  return dayMonth.format(calendarDay(day));
}

/** A calendar day with its year, e.g. "12 Dec 2025". */
export function formatDayWithYear(day: string): string {
  return dayMonthYear.format(calendarDay(day));
}

/** A figure to one decimal at most, e.g. "12.5". */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** A share (0.25) as a percentage ("25%"). */
export function formatShare(value: number): string {
  return percent.format(value);
}

/** The day of an instant in the reader's time zone, e.g. "12 Dec". */
export function formatDayOf(iso: string): string {
  return dayMonth.format(new Date(iso));
}

function calendarDay(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year, month - 1, date);
}
