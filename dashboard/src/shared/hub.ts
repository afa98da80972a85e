// One live SignalR connection per page: reconnects on its own for as long as the page is open, shows its state in
// [data-testid=live-state], and resyncs after every (re)connect — join first, then read the state over REST — so the
// page applies only pushes newer than what it shows (the contract's resync rule).

import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from "@microsoft/signalr";

export type LiveState = "connected" | "reconnecting" | "disconnected";

const stateLabels: Record<LiveState, string> = {
  connected: "Live",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
};

const retryDelays = [0, 1_000, 2_000, 5_000, 10_000];

export interface LiveOptions {
  /** The hub's path, e.g. "/hubs/orders". */
  url: string;
  /** Staff key, sent by the client as the access token; none for customers. */
  apiKey?: string;
  /** The page's [data-testid=live-state] element. */
  indicator: HTMLElement;
  /** Joins and reads the current state; runs after the first connect and after every reconnect. */
  resync: (connection: HubConnection) => Promise<void>;
  /** The server refused the key (401/403): the page signs out. */
  onRefused?: () => void;
}

/** The page's live connection: start it once, stop it when the page no longer wants pushes. */
export class LiveLink {
  readonly connection: HubConnection;
  private stopped = false;

  constructor(private readonly options: LiveOptions) {
    const keepTrying: IRetryPolicy = {
      nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) =>
        isRefusal(retryReason) ? null : retryDelays[Math.min(previousRetryCount, retryDelays.length - 1)],
    };
    const apiKey = options.apiKey;
    this.connection = new HubConnectionBuilder()
      .withUrl(options.url, apiKey ? { accessTokenFactory: () => apiKey } : {})
      .withAutomaticReconnect(keepTrying)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => this.show("reconnecting"));
    this.connection.onreconnected(() => void this.resync());
    this.connection.onclose((error) => {
      if (this.stopped) {
        return;
      }
      if (isRefusal(error)) {
        this.refused();
        return;
      }
      this.show("reconnecting");
      void this.connect(retryDelays[retryDelays.length - 1]);
    });
    this.show("disconnected", "Connecting…");
  }

  /** Registers a handler for a server push; call before start(). */
  on<T>(method: string, handler: (payload: T) => void): this {
    this.connection.on(method, handler);
    return this;
  }

  start(): void {
    void this.connect(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.show("disconnected");
    await this.connection.stop();
  }

  private async connect(firstDelay: number): Promise<void> {
    let delay = firstDelay;
    for (let attempt = 0; !this.stopped; attempt++) {
      if (delay > 0) {
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) {
        return;
      }
      try {
        await this.connection.start();
        await this.resync();
        return;
      } catch (error) {
        if (isRefusal(error)) {
          this.refused();
          return;
        }
        this.show("reconnecting");
        delay = retryDelays[Math.min(attempt + 1, retryDelays.length - 1)];
      }
    }
  }

  private async resync(): Promise<void> {
    try {
      await this.options.resync(this.connection);
    } catch (error) {
      // Not joined or not caught up: this connection would look live while missing pushes. Drop it; onclose
      // connects again after a pause and resyncs from the start.
      if (!this.stopped) {
        console.error("Resync failed", error);
        this.show("reconnecting");
        void this.connection.stop();
      }
      return;
    }
    if (!this.stopped && this.connection.state === HubConnectionState.Connected) {
      this.show("connected");
    }
  }

  private refused(): void {
    this.stopped = true;
    this.show("disconnected");
    this.options.onRefused?.();
  }

  private show(state: LiveState, label: string = stateLabels[state]): void {
    if (this.stopped && state !== "disconnected") {
      return;
    }
    this.options.indicator.dataset.state = state;
    this.options.indicator.textContent = label;
  }
}

/** Negotiation answered 401 or 403: the key is unknown or lacks the role; retrying cannot help. */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && /Status code '40[13]'/.test(error.message);
}
