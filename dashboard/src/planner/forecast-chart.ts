// A SKU's daily demand: what sold (history), the forecast, and the prediction interval as a band between low and high.

import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

import { formatDay, formatShare } from "../shared/format";
import type { ForecastView } from "../shared/api-types";

Chart.register(CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

type Series = (number | null)[];

const ink = "#e6edf3";
const grid = "rgba(230, 237, 243, 0.12)";
const sold = "#4cc2ff";
const forecast = "#f0883e";
const band = "rgba(240, 136, 62, 0.25)";

export class ForecastChart {
  private readonly chart: Chart<"line", Series, string>;

  constructor(canvas: HTMLCanvasElement) {
    const quiet = { borderWidth: 0, pointRadius: 0, fill: false };
    this.chart = new Chart(canvas, {
      type: "line",
      data: {
        labels: [],
        datasets: [
          { label: "Sold", data: [], borderColor: sold, backgroundColor: sold, borderWidth: 2, pointRadius: 0 },
          // The band: "low" draws nothing itself; "high" fills down to it ("-1": the dataset before).
          { label: "low", data: [], borderColor: band, ...quiet },
          {
            label: "Interval",
            data: [],
            borderColor: band,
            backgroundColor: band,
            borderWidth: 0,
            pointRadius: 0,
            fill: "-1",
          },
          {
            label: "Forecast",
            data: [],
            borderColor: forecast,
            backgroundColor: forecast,
            borderWidth: 2,
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: {
            labels: { color: ink, filter: (item) => item.datasetIndex !== 1 },
          },
          tooltip: {
            filter: (item) => item.datasetIndex !== 1 && item.raw !== null,
            callbacks: {
              label: (item) =>
                item.datasetIndex === 2
                  ? `Interval ${format(this.chart.data.datasets[1].data[item.dataIndex])} – ${format(item.raw)}`
                  : `${item.dataset.label ?? ""} ${format(item.raw)}`,
            },
          },
        },
        scales: {
          x: { ticks: { color: ink, maxRotation: 0, autoSkipPadding: 16 }, grid: { display: false } },
          y: {
            beginAtZero: true,
            // A top set below a spike is rarely a round step: no label for it beside the last round one.
            ticks: { color: ink, includeBounds: false },
            grid: { color: grid },
            title: { display: true, text: "units a day", color: ink },
          },
        },
      },
    });
  }

  /**
   * Draws the view. A few days far above the rest (one wholesale order of thousands) would set the scale and flatten
   * everything else, the forecast included: the scale stops above the typical days and the forecast's band, and the
   * answer says how many sold days lie above it (their lines run off the top; the tooltip keeps their figure).
   */
  show(view: ForecastView): OffScale {
    const history = view.history;
    const ahead = view.forecast;
    const blanks = (count: number): Series => new Array<number | null>(count).fill(null);
    // The forecast lines start at the last day sold, so that the two read as one line.
    const last = history.length > 0 ? history[history.length - 1].quantity : null;
    const joined = (values: number[]): Series =>
      ahead.length === 0
        ? blanks(history.length)
        : [...blanks(Math.max(history.length - 1, 0)), ...(last === null ? [] : [last]), ...values];

    this.chart.data.labels = [
      ...history.map((point) => formatDay(point.day)),
      ...ahead.map((point) => formatDay(point.day)),
    ];
    this.chart.data.datasets[0].data = [...history.map((point) => point.quantity), ...blanks(ahead.length)];
    this.chart.data.datasets[1].data = joined(ahead.map((point) => point.low));
    this.chart.data.datasets[2].data = joined(ahead.map((point) => point.high));
    this.chart.data.datasets[2].label = `${formatShare(view.intervalCoverage)} interval`;
    this.chart.data.datasets[3].data = joined(ahead.map((point) => point.quantity));
    const top = scaleTop(
      history.map((point) => point.quantity),
      ahead.map((point) => point.high),
    );
    const above = history.filter((point) => top !== undefined && point.quantity > top);
    this.chart.options.scales!.y!.max = top;
    this.chart.update("none");
    return { days: above.length, highest: Math.max(0, ...above.map((point) => point.quantity)) };
  }

  destroy(): void {
    this.chart.destroy();
  }
}

/** Sold days above the chart's scale: how many, and the highest of them. */
export interface OffScale {
  days: number;
  highest: number;
}

/**
 * The top of the scale: 1.5 × the 95th percentile of the sold days, or the forecast's highest interval bound when
 * higher; undefined (the chart's own) when no sold day lies above that.
 */
function scaleTop(sold: number[], high: number[]): number | undefined {
  if (sold.length === 0) {
    return undefined;
  }
  const sorted = [...sold].sort((a, b) => a - b);
  const typical = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  const top = Math.max(typical * 1.5, ...high, 1);
  return sorted[sorted.length - 1] > top ? roundedUp(top) : undefined;
}

/** Up to a round figure for the scale's top tick: 420 → 450, 675 → 700, 12 → 15. */
function roundedUp(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}

function format(value: unknown): string {
  return typeof value === "number" ? value.toFixed(1) : "–";
}
