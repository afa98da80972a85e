// The tracking page's words: amounts in the order's currency, counts of items, and the after-sales states and topics
// as a customer says them (never an enum name such as "MissingItem").

export { formatMoney } from "../shared/format";

/** "1 item", "2 items". */
export function items(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

const returnStates: Record<string, string> = {
  Requested: "Requested",
  Approved: "Approved: please send it back",
  Declined: "Declined",
  Received: "Received",
  Refunded: "Refunded",
};

/** Where a return stands, in words. */
export function returnState(status: string): string {
  return returnStates[status] ?? status;
}

const ticketStates: Record<string, string> = {
  Open: "Open",
  WaitingOnCustomer: "Waiting for your reply",
  Answered: "Answered",
  Resolved: "Resolved",
  Closed: "Closed",
};

/** Where a ticket stands, in words. */
export function ticketState(status: string): string {
  return ticketStates[status] ?? status;
}

/** The ticket topics the API knows (its TicketCategory names) and how a customer says them. */
export const ticketTopics: { value: string; label: string }[] = [
  { value: "Damaged", label: "Damaged item" },
  { value: "MissingItem", label: "Missing item" },
  { value: "WrongItem", label: "Wrong item" },
  { value: "Late", label: "Late delivery" },
  { value: "Billing", label: "Billing" },
  { value: "Other", label: "Something else" },
];

/** A ticket topic in words. */
export function ticketTopic(category: string): string {
  return ticketTopics.find((t) => t.value === category)?.label ?? category;
}

/** Why an item goes back, as the return form offers it; the words are what the return records. */
export const returnReasons = [
  "Arrived damaged",
  "Wrong item sent",
  "Doesn't fit",
  "Not as described",
  "No longer needed",
  "Something else",
];

/** Why a customer cancels, as the cancel form offers it. */
export const cancelReasons = [
  "Changed my mind",
  "Ordered by mistake",
  "It takes too long",
  "Found it elsewhere",
  "Something else",
];
