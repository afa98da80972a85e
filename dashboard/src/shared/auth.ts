// Staff sign-in for the wall and the planner: the API key is checked against the API before anything staff-only
// is shown, and kept in sessionStorage so that a reload (or the other staff page in the same tab) stays signed in.

import { ApiError } from "./api";
import { required, showMessage } from "./dom";

const storageKey = "ordergrid.apiKey";

export interface StaffSignInOptions<T> {
  /** The part of the page shown only after sign-in. */
  content: HTMLElement;
  /** Checks the key with a staff-only API call; the answer is handed to onSignedIn. */
  verify: (apiKey: string) => Promise<T>;
  onSignedIn: (apiKey: string, verified: T) => void;
  onSignedOut: () => void;
}

/** Ends the session: back to the sign-in form, with a message when the key stopped being accepted. */
export type SignOut = (message?: string) => void;

export function staffSignIn<T>(options: StaffSignInOptions<T>): SignOut {
  const form = required<HTMLFormElement>("[data-testid=signin]");
  const keyInput = required<HTMLInputElement>("input[name=apiKey]", form);
  const submit = required<HTMLButtonElement>("button[type=submit]", form);
  const error = required("[data-testid=signin-error]");
  const signOutButton = required<HTMLButtonElement>("[data-testid=signout]");

  const showForm = (message: string | null) => {
    options.content.hidden = true;
    signOutButton.hidden = true;
    form.hidden = false;
    showMessage(error, message);
    keyInput.focus();
  };

  const signOut: SignOut = (message) => {
    sessionStorage.removeItem(storageKey);
    keyInput.value = "";
    options.onSignedOut();
    showForm(message ?? null);
  };

  const trySignIn = async (apiKey: string) => {
    submit.disabled = true;
    showMessage(error, null);
    // Kept before the check answers: a staff page opened from this one meanwhile (the wall's rules link, a new tab
    // from it) finds the key and checks it itself instead of asking for it again. A refused key is removed below.
    sessionStorage.setItem(storageKey, apiKey);
    try {
      const verified = await options.verify(apiKey);
      form.hidden = true;
      signOutButton.hidden = false;
      options.content.hidden = false;
      options.onSignedIn(apiKey, verified);
    } catch (failure) {
      if (failure instanceof ApiError && failure.refused) {
        sessionStorage.removeItem(storageKey);
        keyInput.value = "";
        showForm(`${failure.message} Check the key and try again.`);
      } else {
        keyInput.value = apiKey;
        showForm(failure instanceof Error ? failure.message : String(failure));
      }
    } finally {
      submit.disabled = false;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const apiKey = keyInput.value.trim();
    if (apiKey) {
      void trySignIn(apiKey);
    }
  });
  signOutButton.addEventListener("click", () => signOut());

  const stored = sessionStorage.getItem(storageKey);
  if (stored) {
    void trySignIn(stored);
  } else {
    showForm(null);
  }
  return signOut;
}
