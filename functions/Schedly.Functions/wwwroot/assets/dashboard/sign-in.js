// @ts-check
// Signing in: by an emailed link (the server sets an HttpOnly session cookie) or with the host API key (checked by
// reading the host's configuration); and out again, here or everywhere.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { signInApi } from "../lib/endpoints.js";
import { storeKey } from "./stored-key.js";

/**
 * @typedef {object} SignInHooks
 * @property {() => Promise<void>} onSignedIn fills the sections from ctx.config
 * @property {() => void} onSignedOut empties them
 */

/** @param {unknown} error */
function describeAuthError(error) {
  if (error instanceof ApiError) return error.message;
  return `Something went wrong: ${error instanceof Error ? error.message : error}`;
}

/**
 * Tries a key ("" with ctx.session: the session cookie); on success shows the dashboard, else the sign-in forms
 * with the server's answer.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {SignInHooks} hooks
 * @param {string} candidate
 * @param {{ fromStorage?: boolean }} [options]
 */
export async function signIn(ctx, hooks, candidate, { fromStorage = false } = {}) {
  ctx.key = candidate;
  try {
    ctx.config = await ctx.admin.config();
  } catch (error) {
    ctx.key = "";
    ctx.session = false;
    if (fromStorage) storeKey(ctx.host, "");
    showSignIn(ctx);
    setStatus(byId("signin-status"), describeAuthError(error), true);
    return false;
  }
  const config = /** @type {import("./context.js").HostConfig} */ (ctx.config);
  if (candidate) storeKey(ctx.host, candidate);
  inputById("api-key").value = "";
  setStatus(byId("signin-status"), "");
  byId("signin").hidden = true;
  byId("dashboard").hidden = false;
  byId("sign-out").hidden = false;
  byId("sign-out-everywhere").hidden = false;
  byId("subtitle").textContent = `${config.name} · ${config.timeZone}`;
  await hooks.onSignedIn();
  return true;
}

/**
 * The session cookie's host when it is this dashboard's, signing in with it; false otherwise.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {SignInHooks} hooks
 */
export async function resumeSession(ctx, hooks) {
  try {
    const session = await signInApi.current();
    if (session?.host !== ctx.host) return false;
  } catch {
    return false;
  }
  ctx.session = true;
  return signIn(ctx, hooks, "");
}

/**
 * Redeems the token of an emailed link (from the page's #signin= fragment, removed at once so it is not kept in
 * history) and opens the signed-in host's dashboard; on failure shows why, beside the email form.
 * @param {import("./context.js").DashboardContext} ctx
 * @param {string} token
 */
export async function redeemLink(ctx, token) {
  history.replaceState(null, "", location.pathname + location.search);
  setStatus(ctx.status, "Signing in…");
  try {
    const session = await signInApi.redeem(token);
    location.assign(`/dashboard/${encodeURIComponent(session.host)}`);
    return true;
  } catch (error) {
    setStatus(ctx.status, "");
    showSignIn(ctx);
    setStatus(byId("link-status"), describeAuthError(error), true);
    inputById("signin-email").focus();
    return false;
  }
}

/** @param {import("./context.js").DashboardContext} ctx */
export function showSignIn(ctx) {
  byId("dashboard").hidden = true;
  byId("sign-out").hidden = true;
  byId("sign-out-everywhere").hidden = true;
  byId("signin").hidden = false;
  // The API key form needs the host from the path; /dashboard alone offers the emailed link only.
  byId("signin-form").hidden = !ctx.host;
  byId("subtitle").textContent = ctx.host;
}

/** The email form: asks for a link; the answer is the same whether or not the address is known. */
function setUpLinkForm() {
  const input = inputById("signin-email");
  const status = byId("link-status");
  byId("link-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("link-button", HTMLButtonElement);
    if (button.disabled) return;
    const email = input.value.trim();
    if (!email) {
      input.setAttribute("aria-invalid", "true");
      setStatus(status, "Enter your email address.", true);
      input.focus();
      return;
    }
    button.disabled = true;
    setStatus(status, "Sending…");
    try {
      const answer = await signInApi.requestLink(email);
      input.removeAttribute("aria-invalid");
      setStatus(status, `${answer?.detail ?? "Check your email."} Check your inbox.`);
    } catch (error) {
      const fieldError = error instanceof ApiError ? error.fieldErrors.find(([field]) => field === "email") : undefined;
      if (fieldError) input.setAttribute("aria-invalid", "true");
      setStatus(status, fieldError ? fieldError[1] : describeAuthError(error), true);
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {SignInHooks} hooks
 * @param {string} message
 */
function signedOut(ctx, hooks, message) {
  storeKey(ctx.host, "");
  ctx.key = "";
  ctx.session = false;
  ctx.config = null;
  ctx.editing = null;
  hooks.onSignedOut();
  showSignIn(ctx);
  setStatus(ctx.status, message);
  inputById("signin-email").focus();
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {SignInHooks} hooks
 */
export function setUpSignIn(ctx, hooks) {
  setUpLinkForm();
  const input = inputById("api-key");
  byId("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("signin-button", HTMLButtonElement);
    const value = input.value.trim();
    if (button.disabled) return;
    if (!value) {
      input.setAttribute("aria-invalid", "true");
      setStatus(byId("signin-status"), "Paste your API key.", true);
      return;
    }
    input.removeAttribute("aria-invalid");
    button.disabled = true;
    setStatus(byId("signin-status"), "Signing in…");
    try {
      if (await signIn(ctx, hooks, value)) {
        setStatus(ctx.status, "");
        byId("title").focus();
      } else {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    } finally {
      button.disabled = false;
    }
  });

  byId("sign-out").addEventListener("click", async () => {
    if (ctx.session) await signInApi.end().catch(() => undefined);
    signedOut(ctx, hooks, "You are signed out.");
  });

  byId("sign-out-everywhere").addEventListener("click", async () => {
    try {
      await ctx.admin.signOutEverywhere();
    } catch (error) {
      setStatus(ctx.status, describeAuthError(error), true);
      return;
    }
    signedOut(ctx, hooks, "You are signed out on every device. Your API key still works for programs.");
  });
}
