// @ts-check
// Signing in with the host API key (checked by reading the host's configuration) and out again.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
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
 * Tries a key; on success shows the dashboard, else the sign-in form with the server's answer.
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
    if (fromStorage) storeKey(ctx.host, "");
    showSignIn(ctx);
    setStatus(byId("signin-status"), describeAuthError(error), true);
    return false;
  }
  const config = /** @type {import("./context.js").HostConfig} */ (ctx.config);
  storeKey(ctx.host, candidate);
  inputById("api-key").value = "";
  setStatus(byId("signin-status"), "");
  byId("signin-form").hidden = true;
  byId("dashboard").hidden = false;
  byId("sign-out").hidden = false;
  byId("subtitle").textContent = `${config.name} · ${config.timeZone}`;
  await hooks.onSignedIn();
  return true;
}

/** @param {import("./context.js").DashboardContext} ctx */
export function showSignIn(ctx) {
  byId("dashboard").hidden = true;
  byId("sign-out").hidden = true;
  byId("signin-form").hidden = false;
  byId("subtitle").textContent = ctx.host;
}

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {SignInHooks} hooks
 */
export function setUpSignIn(ctx, hooks) {
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

  byId("sign-out").addEventListener("click", () => {
    storeKey(ctx.host, "");
    ctx.key = "";
    ctx.config = null;
    ctx.editing = null;
    hooks.onSignedOut();
    showSignIn(ctx);
    setStatus(ctx.status, "You are signed out.");
    input.focus();
  });
}
