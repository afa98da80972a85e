// The pick-list queue of one warehouse (GET /api/warehouses/{wh}/pick-lists): open pick lists most urgent first
// (VIP, express, normal), then the oldest order, as the API orders them. Staff plan a wave of the first N lists no wave
// holds (POST /api/warehouses/{wh}/waves), print its wave list (GET /api/waves/{id}/print: the pick path with the
// tote of every share) and mark the whole wave picked when the walk is done.

import { getJson, postJson } from "../shared/api";
import { el, showMessage } from "../shared/dom";
import { formatAge } from "../shared/format";
import type { QueuedPickList, WaveView } from "../shared/api-types";
import { openPrintView } from "./print-view";

interface Warehouse {
  id: string;
  name: string;
}

const priorityWords: Record<string, string> = { Vip: "VIP", Express: "Express", Normal: "Normal" };
const defaultWaveSize = 10;
/**
 * The server's bounds of a wave (grains/Waves/PickQueueRules.cs, MinPickListsPerWave and MaxPickListsPerWave): the input offers them, the
 * server still decides. tests/OrderGrid.Tests/Waves/WaveSizeBoundsTests.cs fails when they differ.
 */
export const minPickListsPerWave = 1;
export const maxPickListsPerWave = 100;

export class PickQueue {
  apiKey: string | null = null;
  private warehouseId: string | null = null;
  private readonly tabs: HTMLElement;
  private readonly waves: HTMLElement;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly size: HTMLInputElement;
  private readonly plan: HTMLButtonElement;
  /** What went wrong reading the queue: cleared by the next read that works. */
  private readonly error: HTMLElement;
  /** Why planning a wave failed, beside its button: stays through refreshes until staff act again. */
  private readonly planError: HTMLElement;
  /** Why marking a wave picked failed (or which of its lists were refused), by wave: shown in that wave's row. */
  private readonly waveErrors = new Map<string, string>();
  private refreshTimer: number | undefined;

  /** A click on a queued pick list opens its order: the wall listens for `[data-order-id]`. */
  constructor(root: HTMLElement) {
    this.tabs = el("div", { class: "warehouse-tabs", role: "tablist", "aria-label": "Warehouse" });
    this.size = el("input", {
      type: "number",
      min: String(minPickListsPerWave),
      max: String(maxPickListsPerWave),
      value: String(defaultWaveSize),
      inputmode: "numeric",
      "data-testid": "wave-size",
    });
    this.plan = el("button", { type: "button", class: "primary", "data-testid": "plan-wave" }, "Plan a wave");
    this.plan.addEventListener("click", () => void this.planWave());
    this.size.addEventListener("input", () => this.clearActionErrors());
    this.planError = el("p", { class: "error", role: "alert", hidden: true, "data-testid": "plan-wave-error" });
    this.summary = el("p", { class: "quiet", "data-testid": "pick-queue-summary" });
    this.error = el("p", { class: "error", role: "alert", hidden: true });
    this.waves = el("div", { class: "waves", "data-testid": "waves" });
    this.list = el("ol", { class: "pick-queue-list", "data-testid": "pick-queue-list" });
    root.replaceChildren(
      el(
        "div",
        { class: "pick-queue-bar" },
        this.tabs,
        el("label", { class: "wave-size" }, "Pick lists per wave ", this.size),
        this.plan,
      ),
      this.planError,
      this.summary,
      this.error,
      this.waves,
      this.list,
    );
  }

  async start(): Promise<void> {
    try {
      const warehouses = await getJson<Warehouse[]>("/api/warehouses", { apiKey: this.apiKey });
      this.warehouseId ??= warehouses[0]?.id ?? null;
      this.tabs.replaceChildren(
        ...warehouses.map((w) => {
          const tab = el(
            "button",
            {
              type: "button",
              role: "tab",
              "data-warehouse": w.id,
              "data-testid": "pick-queue-warehouse",
              "aria-selected": String(w.id === this.warehouseId),
            },
            w.name,
          );
          tab.addEventListener("click", () => {
            this.clearActionErrors();
            this.warehouseId = w.id;
            for (const other of this.tabs.querySelectorAll("[role=tab]")) {
              other.setAttribute("aria-selected", String(other === tab));
            }
            void this.refresh();
          });
          return tab;
        }),
      );
      await this.refresh();
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  /** Reads the queue again soon: orders change in bursts, one read follows them all. */
  refreshSoon(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.refresh(), 1_000);
  }

  async refresh(): Promise<void> {
    const warehouseId = this.warehouseId;
    if (!this.apiKey || !warehouseId) {
      return;
    }
    try {
      const queue = await getJson<QueuedPickList[]>(
        `/api/warehouses/${encodeURIComponent(warehouseId)}/pick-lists?status=open`,
        {
          apiKey: this.apiKey,
        },
      );
      const waveIds = [...new Set(queue.map((p) => p.waveId).filter((id): id is string => id !== null))];
      const waves = await Promise.all(
        waveIds.map((id) => getJson<WaveView>(`/api/waves/${encodeURIComponent(id)}`, { apiKey: this.apiKey })),
      );
      if (warehouseId === this.warehouseId) {
        this.show(queue, waves);
        showMessage(this.error, null);
      }
    } catch (failure) {
      showMessage(this.error, messageOf(failure));
    }
  }

  /** Staff act again (plan, mark picked, change the size or the warehouse): the last action's error goes. */
  private clearActionErrors(): void {
    showMessage(this.planError, null);
    if (this.waveErrors.size > 0) {
      this.waveErrors.clear();
      for (const shown of this.waves.querySelectorAll("[data-testid=wave-error]")) {
        shown.remove();
      }
    }
  }

  private show(queue: QueuedPickList[], waves: WaveView[]): void {
    const free = queue.filter((p) => p.waveId === null).length;
    const units = queue.reduce((sum, p) => sum + p.lines.reduce((s, l) => s + l.quantity, 0), 0);
    this.summary.textContent =
      queue.length === 0
        ? "Nothing to pick here."
        : `${queue.length} pick list${queue.length === 1 ? "" : "s"} to pick (${units} units); ${free} not in a wave yet.`;
    this.plan.disabled = free === 0;
    this.waves.replaceChildren(...waves.map((wave) => this.waveItem(wave)));
    const now = new Date();
    this.list.replaceChildren(
      ...queue.map((pick, i) =>
        el(
          "li",
          {
            "data-pick-list": pick.pickListId,
            "data-order-id": pick.orderId,
            "data-priority": pick.priority,
            "data-testid": "queued-pick-list",
          },
          el("span", { class: "rank" }, String(i + 1)),
          el("span", { class: `priority priority-${pick.priority}` }, priorityWords[pick.priority] ?? pick.priority),
          el("button", { type: "button", class: "order-id" }, pick.pickListId),
          el("span", { class: "age" }, `waiting ${formatAge(pick.placedAt, now)}`),
          el(
            "span",
            { class: "pick-lines" },
            pick.lines
              .map((l) => `${l.quantity} × ${l.name} (${l.sku}${l.location ? ` @ ${l.location}` : ""})`)
              .join(", "),
          ),
          el("span", { class: "wave-tag" }, pick.waveId ? `in ${pick.waveId}` : ""),
        ),
      ),
    );
  }

  private waveItem(wave: WaveView): HTMLElement {
    const print = el(
      "button",
      { type: "button", class: "quiet-button", "data-testid": "print-wave" },
      "Print wave list",
    );
    print.addEventListener("click", () =>
      openPrintView(`/api/waves/${encodeURIComponent(wave.id)}/print`, this.apiKey).catch((failure: unknown) =>
        showMessage(this.error, messageOf(failure)),
      ),
    );
    const picked = el("button", { type: "button", class: "primary", "data-testid": "wave-picked" }, "Wave picked");
    picked.addEventListener("click", () => void this.wavePicked(wave, picked));
    const units = wave.pickPath.reduce((sum, stop) => sum + stop.quantity, 0);
    const failed = this.waveErrors.get(wave.id);
    return el(
      "div",
      { class: "wave", "data-wave": wave.id, "data-testid": "wave" },
      el("strong", {}, wave.id),
      el(
        "span",
        {},
        `${wave.pickLists.length} pick list${wave.pickLists.length === 1 ? "" : "s"}, ${wave.pickPath.length} stops, ${units} units`,
      ),
      print,
      wave.status === "Open" ? picked : el("span", { class: "row-status" }, "Picked"),
      failed ? el("p", { class: "error", role: "alert", "data-testid": "wave-error" }, failed) : null,
    );
  }

  private async planWave(): Promise<void> {
    const warehouseId = this.warehouseId;
    if (!warehouseId) {
      return;
    }
    this.clearActionErrors();
    this.plan.disabled = true;
    let failed: string | null = null;
    try {
      const size = this.size.valueAsNumber;
      await postJson<WaveView>(`/api/warehouses/${encodeURIComponent(warehouseId)}/waves`, {
        apiKey: this.apiKey,
        body: { maxPickLists: Number.isFinite(size) ? size : null },
      });
    } catch (failure) {
      failed = messageOf(failure);
    }
    await this.refresh();
    // After the refresh, which shows the queue as it is: the error stays until staff act again.
    showMessage(this.planError, failed);
  }

  private async wavePicked(wave: WaveView, button: HTMLButtonElement): Promise<void> {
    this.clearActionErrors();
    button.disabled = true;
    try {
      const done = await postJson<WaveView>(`/api/waves/${encodeURIComponent(wave.id)}/picked`, {
        apiKey: this.apiKey,
      });
      const refused = done.outcomes.filter((o) => o.result === "Refused");
      if (refused.length) {
        this.waveErrors.set(
          wave.id,
          `Not picked: ${refused.map((o) => `${o.pickListId} (${o.message ?? "refused"})`).join("; ")}`,
        );
      }
    } catch (failure) {
      this.waveErrors.set(wave.id, messageOf(failure));
    }
    // The refresh draws the wave again with its error, which stays until staff act again.
    await this.refresh();
    if (this.waveErrors.has(wave.id) && !this.waves.querySelector(`[data-wave="${CSS.escape(wave.id)}"]`)) {
      // The wave left the queue (e.g. picked meanwhile): its error shows where the queue's own would.
      showMessage(this.planError, this.waveErrors.get(wave.id) ?? null);
    }
  }
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
