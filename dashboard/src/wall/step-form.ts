// The small forms an order step needs before it can be sent (a reason, a carrier, a condition per line): shown inline
// where the step's button is, one at a time, with each refusal beside its field and the rest under the form.

import { el, showMessage } from "../shared/dom";
import { clearFieldErrors, showFieldErrors } from "../shared/fields";

export interface StepForm {
  /** What the form does, as its heading ("Ship pick list OG-…-P1"). */
  title: string;
  /** The form's data-testid. */
  testId: string;
  fields: HTMLElement[];
  /** The confirm button's words ("Ship"). */
  submit: string;
  /** A step that cannot be undone (cancel, reject, decline): the confirm button is red. */
  danger?: boolean;
  /** Sends the step; a refusal (ApiError) is shown on the form, which stays open. */
  send: () => Promise<void>;
}

/** Builds the form; `closed` is called when it is dismissed or its step went through. */
export function stepForm(spec: StepForm, closed: (sent: boolean) => void): HTMLFormElement {
  const error = el("p", { class: "error", role: "alert", hidden: true });
  const confirm = el(
    "button",
    { type: "submit", class: spec.danger ? "danger" : "primary", "data-testid": "step-confirm" },
    spec.submit,
  );
  const back = el("button", { type: "button", class: "quiet-button", "data-testid": "step-back" }, "Back");
  const form = el(
    "form",
    { class: "step-form", "data-testid": spec.testId, novalidate: true },
    el("h4", {}, spec.title),
    el("div", { class: "step-fields" }, ...spec.fields),
    error,
    el("div", { class: "step-buttons" }, confirm, back),
  );
  back.addEventListener("click", () => closed(false));
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      closed(false);
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      confirm.disabled = true;
      back.disabled = true;
      clearFieldErrors(form);
      showMessage(error, null);
      try {
        await spec.send();
        closed(true);
      } catch (failure) {
        const rest = showFieldErrors(form, failure);
        showMessage(error, rest ?? "Check the fields marked above.");
      } finally {
        confirm.disabled = false;
        back.disabled = false;
      }
    })();
  });
  return form;
}
