// REST calls to the silo. Every failure becomes an ApiError whose message is plain words for the page to show.

/** A refused or failed API call, with a message fit to show as it is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
    /** Each invalid field's messages, by the field's path in the request (e.g. conditions.countries[0]). */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The key is missing, unknown, or lacks the role (401/403). */
  get refused(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}

export interface CallOptions {
  apiKey?: string | null;
  body?: unknown;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

export function getJson<T>(path: string, options: CallOptions = {}): Promise<T> {
  return call<T>("GET", path, options);
}

export function postJson<T>(path: string, options: CallOptions = {}): Promise<T> {
  return call<T>("POST", path, options);
}

export function putJson<T>(path: string, options: CallOptions = {}): Promise<T> {
  return call<T>("PUT", path, options);
}

export function patchJson<T>(path: string, options: CallOptions = {}): Promise<T> {
  return call<T>("PATCH", path, options);
}

export function deleteJson(path: string, options: CallOptions = {}): Promise<void> {
  return call<void>("DELETE", path, options);
}

async function call<T>(method: string, path: string, { apiKey, body, headers: extra }: CallOptions): Promise<T> {
  const headers: Record<string, string> = { ...extra, Accept: "application/json, application/problem+json" };
  if (apiKey) {
    headers.Authorization = `Bearer ${apiKey}`;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError("OrderGrid cannot be reached. Check the connection and try again.", 0);
  }

  if (response.status === 204) {
    return undefined as T;
  }
  if (response.ok) {
    return (await response.json()) as T;
  }
  throw await errorOf(response);
}

async function errorOf(response: Response): Promise<ApiError> {
  const problem = await readProblem(response);
  const detail = problem?.detail ?? problem?.title ?? null;
  const fields = problem?.errors
    ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`)
    : [];
  const words = [detail, ...fields].filter((part): part is string => !!part).join(" ");
  return new ApiError(describe(response.status, words), response.status, problem?.code ?? null, problem?.errors ?? {});
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) {
    return null;
  }
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

function describe(status: number, words: string): string {
  switch (status) {
    case 401:
      return `The key was refused: ${words || "it is missing or unknown."}`;
    case 403:
      return `The key was refused: ${words || "it may not do this."}`;
    case 404:
      return words || "Not found.";
    case 409:
      return words || "This cannot be done in the order's current state.";
    case 503:
      return words || "OrderGrid is not ready yet. Try again in a moment.";
    default:
      if (status >= 500) {
        return `OrderGrid had a problem answering (${status}). Try again; if it keeps happening, tell the operations team.${words ? ` ${words}` : ""}`;
      }
      return words || `The request was not accepted (${status}).`;
  }
}
