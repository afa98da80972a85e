// Form fields with a label in words and their own error line: the API's errors (ApiError.fields, by the request's
// path, e.g. shipTo.postalCode or lines[0].quantity) are shown beside the field they are about.

import { ApiError } from "./api";
import { el } from "./dom";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled field: the label's words above the control, and below it an error line for the request path `path`. */
export function field(label: string, control: Control, path: string, hint?: string): HTMLElement {
  control.dataset.path = path;
  const error = el("span", { class: "field-error", "data-error-for": path, role: "alert", hidden: true });
  return el(
    "label",
    { class: "field", "data-field": path },
    el("span", { class: "field-label" }, label),
    control,
    hint ? el("span", { class: "field-hint" }, hint) : null,
    error,
  );
}

/** Clears every field error under `root`. */
export function clearFieldErrors(root: ParentNode): void {
  for (const error of root.querySelectorAll<HTMLElement>("[data-error-for]")) {
    error.textContent = "";
    error.hidden = true;
  }
  for (const control of root.querySelectorAll<HTMLElement>("[aria-invalid]")) {
    control.removeAttribute("aria-invalid");
  }
}

/**
 * Shows each of the failure's field errors beside its field under `root`; answers the words for what no field took
 * (a refusal without fields, or a path with no field here), or null when every error found its field.
 */
export function showFieldErrors(root: ParentNode, failure: unknown): string | null {
  clearFieldErrors(root);
  if (!(failure instanceof ApiError) || Object.keys(failure.fields).length === 0) {
    return failure instanceof Error ? failure.message : String(failure);
  }
  const unplaced: string[] = [];
  for (const [path, messages] of Object.entries(failure.fields)) {
    const error = root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`);
    if (!error) {
      unplaced.push(messages.join(" "));
      continue;
    }
    error.textContent = messages.join(" ");
    error.hidden = false;
    root.querySelector(`[data-path="${CSS.escape(path)}"]`)?.setAttribute("aria-invalid", "true");
  }
  return unplaced.length ? unplaced.join(" ") : null;
}
