// Orders placed per minute over the last hour, as a bar chart that reads from across the room.

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

import { formatMinute } from "../shared/format";
import type { WallSnapshot } from "../shared/api-types";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export class OrdersPerMinuteChart {
  private readonly chart: Chart<"bar", number[], string>;

  constructor(canvas: HTMLCanvasElement) {
    const ink = "#e6edf3";
    const grid = "rgba(230, 237, 243, 0.15)";
    this.chart = new Chart(canvas, {
      type: "bar",
      data: { labels: [], datasets: [{ label: "Orders", data: [], backgroundColor: "#4cc2ff", borderRadius: 3 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: {
          x: {
            ticks: { color: ink, font: { size: 16 }, maxRotation: 0, autoSkipPadding: 24 },
            grid: { display: false },
          },
          y: { beginAtZero: true, ticks: { color: ink, font: { size: 16 }, precision: 0 }, grid: { color: grid } },
        },
      },
    });
  }

  show(points: WallSnapshot["ordersPerMinute"]): void {
    this.chart.data.labels = points.map((point) => formatMinute(point.minute));
    this.chart.data.datasets[0].data = points.map((point) => point.count);
    this.chart.update("none");
  }

  destroy(): void {
    this.chart.destroy();
  }
}
