// Printable documents (pick list, delivery note) opened in a new tab. The staff key travels in the Authorization
// header, never in the URL where history, proxies and server logs would keep it: the page is fetched here and the
// new tab shows it from a blob URL. The server's page has no scripts and encodes every text it shows.

import { ApiError } from "../shared/api";

/** Opens the document at `path` in a new tab; throws an ApiError (closing the tab) when it cannot be had. */
export async function openPrintView(path: string, apiKey: string | null): Promise<void> {
  // Opened during the click, before any await, so that pop-up blockers let it through.
  const tab = window.open("", "_blank");
  if (!tab) {
    throw new ApiError("The browser blocked the new tab. Allow pop-ups for this page to print.", 0);
  }
  tab.opener = null;
  try {
    const headers: Record<string, string> = { Accept: "text/html, application/problem+json" };
    if (apiKey) {
      headers.Authorization = `Bearer ${apiKey}`;
    }
    const response = await fetch(path, { headers });
    if (!response.ok) {
      throw await refusal(response);
    }
    const page = URL.createObjectURL(await response.blob());
    tab.location.href = page;
    // The tab has loaded it long before this; revoking frees the memory of the wall, which stays open for days.
    window.setTimeout(() => URL.revokeObjectURL(page), 60_000);
  } catch (failure) {
    tab.close();
    throw failure instanceof ApiError
      ? failure
      : new ApiError("OrderGrid cannot be reached. Check the connection and try again.", 0);
  }
}

async function refusal(response: Response): Promise<ApiError> {
  let detail: string | null = null;
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; code?: string } | null;
    detail = problem?.detail ?? null;
  }
  const words =
    response.status === 401 || response.status === 403
      ? `The key was refused: ${detail ?? "it may not print this document."}`
      : (detail ?? `The document could not be printed (${response.status}).`);
  return new ApiError(words, response.status);
}
