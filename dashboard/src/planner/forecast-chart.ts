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
import type { ForecastView } from "../shared/types";

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
            ticks: { color: ink },
            grid: { color: grid },
            title: { display: true, text: "units a day", color: ink },
          },
        },
      },
    });
  }

  show(view: ForecastView): void {
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
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }
}

function format(value: unknown): string {
  return typeof value === "number" ? value.toFixed(1) : "–";
}
