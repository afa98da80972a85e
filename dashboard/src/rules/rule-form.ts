// The form an admin creates or edits a rule in. Each field has its own error line: a ProblemDetails answer names the
// fields by their path in the request (conditions.countries[1], actions[0].reason), and each path is shown beside the
// input it came from.

import { el, showMessage } from "../shared/dom";
import { channelLabel } from "../shared/format";
import { salesChannels, type SalesChannel } from "../shared/api-types";
import {
  priorityLevels,
  segments,
  type ActionKind,
  type AutomationRule,
  type PriorityLevel,
  type RuleAction,
  type RuleDefinition,
} from "./rule-model";

interface ActionInput {
  kind: ActionKind;
  on: HTMLInputElement;
  /** The reason, level or warehouse(s) the action takes, if any. */
  value?: HTMLInputElement | HTMLSelectElement;
}

/** Where each field's message goes, by the field's key (a request path without list indexes). */
type ErrorSlots = Map<string, { area: HTMLElement; input?: HTMLElement }>;

export class RuleForm {
  private readonly slots: ErrorSlots = new Map();
  private readonly name = el("input", { type: "text", name: "name", maxlength: 100, "data-testid": "rule-name" });
  private readonly priority = el("input", {
    type: "number",
    name: "priority",
    min: 0,
    step: 1,
    "data-testid": "rule-priority",
  });
  private readonly enabled = el("input", { type: "checkbox", name: "enabled", "data-testid": "rule-enabled" });
  private readonly minTotal = numberInput("minTotal", "0.01");
  private readonly maxTotal = numberInput("maxTotal", "0.01");
  private readonly minQuantity = numberInput("minQuantity", "1");
  private readonly countries = listInput("countries", "e.g. DE, FR");
  private readonly skus = listInput("skus", "e.g. SKU-1, SKU-2");
  private readonly channels = salesChannels.map((c) => checkbox(`channel-${c}`, c));
  private readonly segmentBoxes = segments.map((s) => checkbox(`segment-${s}`, s));
  private readonly newCustomer = el(
    "select",
    { name: "newCustomer", "data-testid": "rule-newCustomer" },
    el("option", { value: "" }, "Any customer"),
    el("option", { value: "true" }, "New customers only"),
    el("option", { value: "false" }, "Returning customers only"),
  );
  private readonly actions: ActionInput[] = [
    {
      kind: "hold",
      on: checkbox("action-hold"),
      value: el("input", { type: "text", "data-testid": "rule-hold-reason", maxlength: 200 }),
    },
    { kind: "autoApprove", on: checkbox("action-autoApprove") },
    {
      kind: "priority",
      on: checkbox("action-priority"),
      value: el(
        "select",
        { "data-testid": "rule-priority-level" },
        ...priorityLevels.map((l) => el("option", { value: l }, l)),
      ),
    },
    {
      kind: "preferWarehouse",
      on: checkbox("action-preferWarehouse"),
      value: listInput("preferWarehouse", "e.g. uk-north"),
    },
    {
      kind: "excludeWarehouse",
      on: checkbox("action-excludeWarehouse"),
      value: listInput("excludeWarehouse", "e.g. eu-central"),
    },
    { kind: "requireSignature", on: checkbox("action-requireSignature") },
  ];
  /** Which action input made each action of the last definition read, by its index in the request. */
  private sentActions: ActionKind[] = [];

  constructor(
    container: HTMLElement,
    private readonly formError: HTMLElement,
  ) {
    container.append(
      this.field("name", "Name", this.name),
      this.field("priority", "Priority (lower runs first)", this.priority),
      el("label", { class: "inline-choice" }, this.enabled, " Enabled"),
      el(
        "fieldset",
        { class: "rule-conditions" },
        el("legend", {}, "When (every condition given must hold; leave a field empty for any)"),
        this.field("conditions.minTotal", "Order value above", this.minTotal),
        this.field("conditions.maxTotal", "Order value at most", this.maxTotal),
        this.group("conditions.channels", "Channel", this.channels, (c) => channelLabel(c as SalesChannel)),
        this.field("conditions.countries", "Ship-to countries (two-letter codes)", this.countries),
        this.field("conditions.skus", "SKUs", this.skus),
        this.field("conditions.minQuantity", "A line has at least (units)", this.minQuantity),
        this.group("conditions.segments", "Customer segment", this.segmentBoxes, (s) => s),
        this.field("conditions.newCustomer", "Customer", this.newCustomer),
      ),
      this.actionFields(),
    );
  }

  /** Empties the form for a new rule, or fills it with an existing one. */
  fill(rule: AutomationRule | null): void {
    this.clearErrors();
    const c = rule?.conditions ?? {};
    this.name.value = rule?.name ?? "";
    this.priority.value = String(rule?.priority ?? 50);
    this.enabled.checked = rule?.enabled ?? true;
    this.minTotal.value = c.minTotal?.toString() ?? "";
    this.maxTotal.value = c.maxTotal?.toString() ?? "";
    this.minQuantity.value = c.minQuantity?.toString() ?? "";
    this.countries.value = (c.countries ?? []).join(", ");
    this.skus.value = (c.skus ?? []).join(", ");
    for (const box of this.channels) {
      box.checked = (c.channels ?? []).includes(box.value as SalesChannel);
    }
    for (const box of this.segmentBoxes) {
      box.checked = (c.segments ?? []).includes(box.value);
    }
    this.newCustomer.value = c.newCustomer == null ? "" : String(c.newCustomer);
    for (const input of this.actions) {
      const given = (rule?.actions ?? []).filter((a) => a.kind === input.kind);
      input.on.checked = given.length > 0;
      if (input.value instanceof HTMLSelectElement) {
        input.value.value = given[0]?.level ?? "express";
      } else if (input.value) {
        input.value.value = given.map((a) => (input.kind === "hold" ? a.reason : a.warehouseId) ?? "").join(", ");
      }
    }
    this.name.focus();
  }

  /** The definition as typed; the server judges it, so that its messages are the only ones. */
  read(): RuleDefinition {
    const actions: RuleAction[] = [];
    this.sentActions = [];
    for (const input of this.actions.filter((a) => a.on.checked)) {
      for (const action of actionsOf(input)) {
        actions.push(action);
        this.sentActions.push(input.kind);
      }
    }
    return {
      name: this.name.value.trim(),
      priority: wholeNumber(this.priority.value) ?? -1,
      enabled: this.enabled.checked,
      conditions: {
        minTotal: amount(this.minTotal.value),
        maxTotal: amount(this.maxTotal.value),
        minQuantity: wholeNumber(this.minQuantity.value),
        channels: this.channels.filter((b) => b.checked).map((b) => b.value as SalesChannel),
        countries: list(this.countries.value),
        skus: list(this.skus.value),
        segments: this.segmentBoxes.filter((b) => b.checked).map((b) => b.value),
        newCustomer: this.newCustomer.value === "" ? null : this.newCustomer.value === "true",
      },
      actions,
    };
  }

  /** Shows each field's messages beside it; what names no field of the form goes to the form's own error line. */
  showErrors(fields: Record<string, string[]>, definition: RuleDefinition): void {
    this.clearErrors();
    const unplaced: string[] = [];
    for (const [path, messages] of Object.entries(fields)) {
      const key = this.slotOf(path);
      const slot = key ? this.slots.get(key) : undefined;
      const text = `${valueAt(path, definition)}${messages.join(" ")}`;
      if (!slot) {
        unplaced.push(`${path}: ${text}`);
        continue;
      }
      slot.area.textContent = slot.area.textContent ? `${slot.area.textContent} ${text}` : text;
      slot.area.hidden = false;
      slot.input?.setAttribute("aria-invalid", "true");
    }
    showMessage(
      this.formError,
      unplaced.length ? unplaced.join(" ") : "The rule was not saved: see the fields marked.",
    );
    [...this.slots.values()].find((s) => !s.area.hidden)?.input?.focus();
  }

  clearErrors(): void {
    showMessage(this.formError, null);
    for (const { area, input } of this.slots.values()) {
      showMessage(area, null);
      input?.removeAttribute("aria-invalid");
    }
  }

  /** "conditions.countries[1]" → "conditions.countries"; "actions[2].reason" → the action input that made actions[2]. */
  private slotOf(path: string): string | null {
    const action = /^actions\[(\d+)\]/.exec(path);
    if (action) {
      const kind = this.sentActions[Number(action[1])];
      return kind ? `actions.${kind}` : "actions";
    }
    return path.replace(/\[\d+\]$/, "");
  }

  private field(key: string, label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
    const id = `rule-${key.replace(/\W/g, "-")}`;
    input.id = id;
    const area = this.errorArea(key, input);
    return el("div", { class: "rule-field" }, el("label", { for: id }, label), input, area);
  }

  private group(key: string, legend: string, boxes: HTMLInputElement[], label: (value: string) => string): HTMLElement {
    const area = this.errorArea(key);
    return el(
      "fieldset",
      { class: "rule-choices", "aria-describedby": area.id },
      el("legend", {}, legend),
      ...boxes.map((box) => el("label", { class: "inline-choice" }, box, ` ${label(box.value)}`)),
      area,
    );
  }

  private actionFields(): HTMLElement {
    const labels: Record<ActionKind, string> = {
      hold: "Hold for review, because",
      autoApprove: "Approve without review (later holds are ignored)",
      priority: "Set priority",
      preferWarehouse: "Ship first from warehouse(s)",
      excludeWarehouse: "Never ship from warehouse(s)",
      requireSignature: "Require a signature on delivery",
    };
    const none = this.errorArea("actions");
    return el(
      "fieldset",
      { class: "rule-actions", "aria-describedby": none.id },
      el("legend", {}, "Then (in this order)"),
      ...this.actions.map(({ kind, on, value }) => {
        const area = this.errorArea(`actions.${kind}`, value ?? on);
        if (value) {
          value.setAttribute("aria-label", labels[kind]);
        }
        return el(
          "div",
          { class: "rule-action" },
          el("label", { class: "inline-choice" }, on, ` ${labels[kind]}`),
          value,
          area,
        );
      }),
      none,
    );
  }

  private errorArea(key: string, input?: HTMLElement): HTMLElement {
    const area = el("p", {
      class: "field-error",
      id: `error-${key.replace(/\W/g, "-")}`,
      "data-testid": `error-${key}`,
      hidden: true,
    });
    input?.setAttribute("aria-describedby", area.id);
    this.slots.set(key, { area, input });
    return area;
  }
}

function actionsOf({ kind, value }: ActionInput): RuleAction[] {
  switch (kind) {
    case "hold":
      return [{ kind, reason: value?.value.trim() ?? "" }];
    case "priority":
      return [{ kind, level: value?.value as PriorityLevel }];
    case "preferWarehouse":
    case "excludeWarehouse": {
      const ids = list(value?.value ?? "");
      return ids.length ? ids.map((warehouseId) => ({ kind, warehouseId })) : [{ kind, warehouseId: "" }];
    }
    default:
      return [{ kind }];
  }
}

/** For a list entry's message, the entry itself: "Germany: Must be a two-letter…". */
function valueAt(path: string, definition: RuleDefinition): string {
  const entry = /^conditions\.(countries|skus|segments|channels)\[(\d+)\]$/.exec(path);
  const value = entry ? definition.conditions[entry[1] as "countries"]?.[Number(entry[2])] : undefined;
  return value ? `${value}: ` : "";
}

function numberInput(name: string, step: string): HTMLInputElement {
  return el("input", { type: "number", name, min: 0, step, inputmode: "decimal", "data-testid": `rule-${name}` });
}

function listInput(name: string, placeholder: string): HTMLInputElement {
  return el("input", { type: "text", name, placeholder, spellcheck: "false", "data-testid": `rule-${name}` });
}

function checkbox(testId: string, value = "on"): HTMLInputElement {
  return el("input", { type: "checkbox", value, "data-testid": `rule-${testId}` });
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function amount(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

function wholeNumber(text: string): number | null {
  return text.trim() === "" ? null : Math.trunc(Number(text));
}
