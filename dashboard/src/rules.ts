// The automation rules page, /rules: every rule in the order they run, in plain words. Any staff key reads them; an
// admin key creates, edits, enables or disables and deletes them through /api/rules.

import "./styles/base.css";
import "./styles/staff.css";
import "./styles/wall.css";
import "./styles/rules.css";

import { ApiError, deleteJson, getJson, postJson, putJson } from "./shared/api";
import { staffSignIn } from "./shared/auth";
import { el, required, showMessage } from "./shared/dom";
import { RuleForm } from "./rules/rule-form";
import {
  definitionOf,
  describeAction,
  describeConditions,
  readRule,
  type AutomationRule,
  type RuleDefinition,
} from "./rules/rule-model";

interface RuleAccess {
  canEdit: boolean;
}

const content = required("#rules");
const pageError = required("#rules-error");
const readOnlyNote = required("[data-testid=rules-read-only]");
const list = required("[data-testid=rules-list]");
const newButton = required<HTMLButtonElement>("[data-testid=rule-new]");
const formElement = required<HTMLFormElement>("[data-testid=rule-form]");
const formTitle = required("#rule-form-title");
const form = new RuleForm(required("#rule-fields"), required("#rule-form-error"));

let apiKey: string | null = null;
let canEdit = false;
let rules: AutomationRule[] = [];
/** The rule being edited; null while a new one is written. */
let editing: AutomationRule | null = null;

const signOut = staffSignIn<[RuleAccess, AutomationRule[]]>({
  content,
  verify: (key) =>
    Promise.all([
      getJson<RuleAccess>("/api/rules/access", { apiKey: key }),
      getJson<AutomationRule[]>("/api/rules", { apiKey: key }),
    ]),
  onSignedIn: (key, [access, first]) => {
    apiKey = key;
    canEdit = access.canEdit;
    readOnlyNote.hidden = canEdit;
    newButton.disabled = !canEdit;
    show(first);
  },
  onSignedOut: () => {
    apiKey = null;
    canEdit = false;
    closeForm();
    list.replaceChildren();
    showMessage(pageError, null);
  },
});

newButton.addEventListener("click", () => openForm(null));
required("[data-testid=rule-cancel]").addEventListener("click", closeForm);
formElement.addEventListener("submit", (event) => {
  event.preventDefault();
  void save();
});
list.addEventListener("click", (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
  const rule = rules.find((r) => String(r.id) === button?.closest<HTMLElement>("[data-rule-id]")?.dataset.ruleId);
  if (!button || !rule) {
    return;
  }
  switch (button.dataset.action) {
    case "edit":
      openForm(rule);
      break;
    case "toggle":
      void change(() =>
        putJson(`/api/rules/${rule.id}`, { apiKey, body: { ...definitionOf(rule), enabled: !rule.enabled } }),
      );
      break;
    case "delete":
      if (confirm(`Delete the rule “${rule.name}”? Orders already placed keep what it decided.`)) {
        void change(() => deleteJson(`/api/rules/${rule.id}`, { apiKey }));
      }
      break;
  }
});

function show(next: AutomationRule[]): void {
  rules = next.map(readRule);
  list.replaceChildren(
    ...rules.map((rule) =>
      el(
        "tr",
        { "data-testid": "rule", "data-rule-id": rule.id, class: rule.enabled ? null : "rule-disabled" },
        el("td", { class: "number", "data-testid": "rule-priority-cell" }, rule.priority),
        el(
          "th",
          { scope: "row", "data-testid": "rule-name-cell" },
          rule.name,
          el("span", { class: "rule-id" }, ` #${rule.id}`),
        ),
        el("td", { "data-testid": "rule-when" }, describeConditions(rule.conditions)),
        el("td", { "data-testid": "rule-then" }, rule.actions.map(describeAction).join("; then ")),
        el("td", { "data-testid": "rule-state" }, rule.enabled ? "Enabled" : "Disabled"),
        el(
          "td",
          { class: "rule-buttons" },
          ruleButton("edit", "Edit", rule),
          ruleButton("toggle", rule.enabled ? "Disable" : "Enable", rule),
          ruleButton("delete", "Delete", rule),
        ),
      ),
    ),
  );
  if (!rules.length) {
    list.append(el("tr", {}, el("td", { colspan: 6, class: "quiet" }, "No rules: every order goes straight through.")));
  }
}

function ruleButton(action: string, label: string, rule: AutomationRule): HTMLButtonElement {
  return el(
    "button",
    {
      type: "button",
      class: "quiet-button",
      "data-action": action,
      "data-testid": `rule-${action}`,
      "aria-label": `${label} rule ${rule.name}`,
      disabled: !canEdit,
      title: canEdit ? null : "Changing rules needs an admin key.",
    },
    label,
  );
}

function openForm(rule: AutomationRule | null): void {
  editing = rule;
  formTitle.textContent = rule ? `Edit rule #${rule.id}` : "New rule";
  formElement.hidden = false;
  form.fill(rule);
}

function closeForm(): void {
  editing = null;
  formElement.hidden = true;
  form.clearErrors();
}

async function save(): Promise<void> {
  const definition: RuleDefinition = form.read();
  const submit = required<HTMLButtonElement>("[data-testid=rule-save]", formElement);
  submit.disabled = true;
  try {
    if (editing) {
      await putJson(`/api/rules/${editing.id}`, { apiKey, body: definition });
    } else {
      await postJson("/api/rules", { apiKey, body: definition });
    }
    closeForm();
    await reload();
  } catch (failure) {
    if (failure instanceof ApiError && Object.keys(failure.fields).length) {
      form.showErrors(failure.fields, definition);
    } else {
      refusedOr(failure, (message) => showMessage(required("#rule-form-error"), message));
    }
  } finally {
    submit.disabled = false;
  }
}

async function change(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    await reload();
  } catch (failure) {
    refusedOr(failure, (message) => showMessage(pageError, message));
  }
}

async function reload(): Promise<void> {
  try {
    show(await getJson<AutomationRule[]>("/api/rules", { apiKey }));
    showMessage(pageError, null);
  } catch (failure) {
    refusedOr(failure, (message) => showMessage(pageError, `The rules could not be read: ${message}`));
  }
}

/** A key refused outright ends the session; any other failure is shown where it happened. */
function refusedOr(failure: unknown, show: (message: string) => void): void {
  if (failure instanceof ApiError && failure.status === 401) {
    signOut("The key was refused. Sign in again.");
  } else {
    show(failure instanceof Error ? failure.message : String(failure));
  }
}
