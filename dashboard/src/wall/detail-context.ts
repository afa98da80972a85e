// What the order detail's parts (fulfilment, returns, merge) may ask of the panel: one step at a time, an inline
// form, a printable document, another order.

import { el } from "../shared/dom";
import type { StepForm } from "./step-form";

export interface Detail {
  /** The signed-in staff key. */
  readonly apiKey: string | null;
  /** Sends a step that needs no input; its refusal shows on the panel; the order is read again afterwards. */
  step(send: () => Promise<unknown>): void;
  /** Opens `spec` as a form in `slot` (closing any other); once sent, the order is read again. */
  form(slot: HTMLElement, spec: StepForm): void;
  /** Opens a printable document (pick list, delivery note) in a new tab. */
  print(path: string): void;
  /** Opens another order in the panel. */
  open(orderId: string): void;
}

export type Variant = "primary" | "danger" | "quiet";

/** A step's button; `action` is the server's name for it (data-action), which tests and styles use. */
export function actionButton(label: string, action: string, run: () => void, variant?: Variant): HTMLButtonElement {
  const button = el(
    "button",
    { type: "button", "data-action": action, class: variant === "quiet" ? "quiet-button" : (variant ?? null) },
    label,
  );
  button.addEventListener("click", run);
  return button;
}

/** The `<section>` of one part of the detail, with its heading. */
export function part(title: string, testId: string, ...children: (Node | null)[]): HTMLElement {
  return el("section", { class: "detail-part", "data-testid": testId }, el("h3", {}, title), ...children);
}

export const path = (...parts: string[]): string => parts.map(encodeURIComponent).join("/");
