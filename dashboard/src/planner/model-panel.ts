// The serving model: its version, training window and state, a "Retrain now" button, and its latest backtest
// (the model against the simple baselines on the days it did not see).

import { ApiError, getJson, postJson } from "../shared/api";
import { el, required, showMessage } from "../shared/dom";
import { formatCount, formatDateTime, formatDayWithYear, formatDecimal, formatShare } from "../shared/format";
import type { ModelEvaluation, TrainingStatus } from "../shared/api-types";
import { LatestRead, reasonOf } from "./latest-read";

/** While a training runs, its state is read again this often (a finished run also announces itself live). */
const runningPollMs = 5_000;

export class ModelPanel {
  private readonly status = required("[data-testid=training-status]");
  private readonly version = required("[data-testid=model-version]");
  private readonly retrain = required<HTMLButtonElement>("[data-testid=retrain]");
  private readonly error = required("#model-error");
  private readonly backtest = required("[data-testid=backtest-body]");
  private readonly statusReads = new LatestRead();
  private readonly backtestReads = new LatestRead();
  private poll: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly apiKey: () => string | null) {
    this.retrain.addEventListener("click", () => void this.startTraining());
  }

  refresh(): Promise<void> {
    return Promise.all([this.readStatus(), this.readBacktest()]).then(() => undefined);
  }

  clear(): void {
    clearTimeout(this.poll);
    this.statusReads.cancel();
    this.backtestReads.cancel();
    this.status.replaceChildren();
    this.version.textContent = "–";
    this.backtest.replaceChildren();
    showMessage(this.error, null);
  }

  private readStatus(): Promise<void> {
    return this.statusReads.run(
      () => getJson<TrainingStatus>("/api/planning/models", { apiKey: this.apiKey() }),
      (status) => this.showStatus(status),
      (failure) => showMessage(this.error, `The model's state could not be read: ${reasonOf(failure)}`),
    );
  }

  private readBacktest(): Promise<void> {
    return this.backtestReads.run(
      async () => {
        try {
          return await getJson<ModelEvaluation>("/api/planning/backtest", { apiKey: this.apiKey() });
        } catch (failure) {
          if (failure instanceof ApiError && failure.status === 404) {
            return null;
          }
          throw failure;
        }
      },
      (evaluation) => this.showBacktest(evaluation),
      (failure) =>
        this.backtest.replaceChildren(
          el("p", { class: "error", role: "alert" }, `The backtest could not be read: ${reasonOf(failure)}`),
        ),
    );
  }

  private async startTraining(): Promise<void> {
    this.retrain.disabled = true;
    showMessage(this.error, null);
    try {
      this.showStatus(await postJson<TrainingStatus>("/api/planning/models/retrain", { apiKey: this.apiKey() }));
    } catch (failure) {
      this.retrain.disabled = false;
      showMessage(this.error, `Training could not be started: ${reasonOf(failure)}`);
    }
  }

  private showStatus(status: TrainingStatus): void {
    this.statusReads.cancel();
    showMessage(this.error, null);
    const current = status.current;
    this.version.textContent = current ? `v${current.version}` : "none";
    this.version.dataset.version = current ? String(current.version) : "";
    this.status.dataset.running = String(status.running);
    const parts = [
      current
        ? el(
            "p",
            {},
            `Trained ${formatDateTime(current.trainedAt)} in ${formatDecimal(current.trainingSeconds)} s on sales from `,
            el("strong", {}, formatDayWithYear(current.trainedFrom)),
            " to ",
            el("strong", {}, formatDayWithYear(addDays(current.trainedUntil, -1))),
            ` · ${formatCount(current.skus)} SKUs · ${formatCount(current.customers)} customers`,
          )
        : el("p", {}, "No model yet: forecasts, suggestions and segments appear after the first training."),
      status.running
        ? el(
            "p",
            { class: "training", role: "status" },
            `Training now${status.startedAt ? ` (since ${formatDateTime(status.startedAt)})` : ""}…`,
          )
        : null,
      status.lastError ? el("p", { class: "error" }, `The last training failed: ${status.lastError}`) : null,
    ];
    this.status.replaceChildren(...parts.filter((part): part is HTMLParagraphElement => part !== null));
    this.retrain.disabled = status.running;
    clearTimeout(this.poll);
    if (status.running) {
      this.poll = setTimeout(() => void this.readStatus(), runningPollMs);
    }
  }

  private showBacktest(evaluation: ModelEvaluation | null): void {
    if (!evaluation) {
      this.backtest.replaceChildren(el("p", { class: "quiet", "data-testid": "no-model" }, "No model yet."));
      return;
    }
    const held = evaluation.cutoff
      ? `${evaluation.horizonDays} days from ${formatDayWithYear(evaluation.cutoff)}, held out of training`
      : "History too short to hold days out";
    this.backtest.replaceChildren(
      el("p", { class: "quiet" }, held),
      figures("Error on each product's 28-day total (total WAPE, lower is better)", [
        ["Model", evaluation.modelTotalWape, true],
        ["28-day average", evaluation.movingAverageTotalWape, false],
        ["Last week repeated", evaluation.seasonalNaiveTotalWape, false],
      ]),
      figures(
        "Forecast total ÷ units sold (bias, 1.00 is right)",
        [
          ["Model", evaluation.modelBias, true],
          ["28-day average", evaluation.movingAverageBias, false],
        ],
        formatRatio,
      ),
      figures(
        "Daily error scaled by each product's day-to-day swings (RMSSE, lower is better)",
        [
          ["Model", evaluation.modelRmsse, true],
          ["28-day average", evaluation.movingAverageRmsse, false],
        ],
        formatRatio,
      ),
      figures("Interval", [["Days inside the interval", evaluation.intervalCoverage, true]]),
      figures(`Recall@10 (${formatCount(evaluation.recommendationCustomers)} customers, higher is better)`, [
        ["Model", evaluation.modelRecallAt10, true],
        ["Buy again", evaluation.buyAgainRecallAt10, false],
        ["Most popular", evaluation.popularityRecallAt10, false],
      ]),
      figures("New-item hit@10 (higher is better)", [
        ["Model", evaluation.modelNewItemHitAt10, true],
        ["Most popular", evaluation.popularityNewItemHitAt10, false],
      ]),
    );
  }
}

function formatRatio(value: number): string {
  return value.toFixed(2);
}

function figures(
  title: string,
  rows: [string, number | null, boolean][],
  format: (value: number) => string = formatShare,
): HTMLElement {
  return el(
    "table",
    { class: "data figures" },
    el("caption", {}, title),
    el(
      "tbody",
      {},
      ...rows.map(([label, value, model]) =>
        el(
          "tr",
          { class: model ? "model" : null },
          el("th", { scope: "row" }, label),
          el("td", { class: "number" }, value === null ? "–" : format(value)),
        ),
      ),
    ),
  );
}

/** A calendar day moved by whole days ("yyyy-MM-dd" in and out). */
function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return moved.toISOString().slice(0, 10);
}
