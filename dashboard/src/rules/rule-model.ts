// The automation rules as /api/rules reads and writes them, and in plain words for staff.

import { channelLabel, formatAmount } from "../shared/format";
import { salesChannels, type SalesChannel } from "../shared/api-types";

export const actionKinds = [
  "hold",
  "autoApprove",
  "priority",
  "preferWarehouse",
  "excludeWarehouse",
  "requireSignature",
] as const;
export type ActionKind = (typeof actionKinds)[number];

export const priorityLevels = ["normal", "express", "vip"] as const;
export type PriorityLevel = (typeof priorityLevels)[number];

/** The customer segments of the planning model a rule may name (SegmentNames on the server). */
export const segments = ["champions", "loyal", "promising", "at-risk", "lost"] as const;

export interface RuleConditions {
  minTotal?: number | null;
  maxTotal?: number | null;
  channels?: SalesChannel[];
  countries?: string[];
  skus?: string[];
  minQuantity?: number | null;
  segments?: string[];
  newCustomer?: boolean | null;
}

export interface RuleAction {
  kind: ActionKind;
  reason?: string | null;
  level?: PriorityLevel | null;
  warehouseId?: string | null;
}

/** What an admin sends to create or replace a rule. */
export interface RuleDefinition {
  name: string;
  priority: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleAction[];
}

export interface AutomationRule extends RuleDefinition {
  id: number;
}

/** The server writes enum values in PascalCase ("RequireSignature", "Vip"); the page works in camelCase. */
function camel<T extends string>(value: string): T {
  return (value.charAt(0).toLowerCase() + value.slice(1)) as T;
}

/** A rule as the API answered it, with its enum values in the page's spelling. */
export function readRule(rule: AutomationRule): AutomationRule {
  const conditions = rule.conditions ?? {};
  return {
    ...rule,
    conditions: {
      ...conditions,
      channels: (conditions.channels ?? []).map((c) => camel<SalesChannel>(c)),
    },
    actions: rule.actions.map((a) => ({
      ...a,
      kind: camel<ActionKind>(a.kind),
      level: a.level ? camel<PriorityLevel>(a.level) : null,
    })),
  };
}

/** The definition to send back for a rule, e.g. with only its enabled flag changed. */
export function definitionOf(rule: AutomationRule): RuleDefinition {
  const { name, priority, enabled, conditions, actions } = rule;
  return { name, priority, enabled, conditions, actions };
}

/** "order value above 5,000.00 and ship-to country is DE", or "every order". */
export function describeConditions(c: RuleConditions): string {
  const parts: string[] = [];
  if (c.minTotal != null && c.maxTotal != null) {
    parts.push(`order value above ${formatAmount(c.minTotal)} and at most ${formatAmount(c.maxTotal)}`);
  } else if (c.minTotal != null) {
    parts.push(`order value above ${formatAmount(c.minTotal)}`);
  } else if (c.maxTotal != null) {
    parts.push(`order value at most ${formatAmount(c.maxTotal)}`);
  }
  if (c.channels?.length) {
    const known = c.channels.filter((ch) => (salesChannels as readonly string[]).includes(ch));
    parts.push(`placed by ${either(known.map((ch) => channelLabel(ch).toLowerCase()))}`);
  }
  if (c.countries?.length) {
    parts.push(`shipped to ${either(c.countries)}`);
  }
  if (c.skus?.length) {
    parts.push(`contains SKU ${either(c.skus)}`);
  }
  if (c.minQuantity != null) {
    parts.push(`a line has at least ${c.minQuantity} units`);
  }
  if (c.segments?.length) {
    parts.push(`customer segment is ${either(c.segments)}`);
  }
  if (c.newCustomer != null) {
    parts.push(c.newCustomer ? "a new customer" : "a returning customer");
  }
  return parts.length ? parts.join(" and ") : "every order";
}

export function describeAction(a: RuleAction): string {
  switch (a.kind) {
    case "hold":
      return `hold for review: “${a.reason ?? ""}”`;
    case "autoApprove":
      return "approve without review";
    case "priority":
      return `set priority to ${a.level ?? "normal"}`;
    case "preferWarehouse":
      return `ship from ${a.warehouseId ?? "?"} first`;
    case "excludeWarehouse":
      return `never ship from ${a.warehouseId ?? "?"}`;
    case "requireSignature":
      return "require a signature on delivery";
  }
}

function either(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}
