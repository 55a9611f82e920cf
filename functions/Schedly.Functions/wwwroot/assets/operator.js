// @ts-check
// The operator page: /operator. Signed in with the deployment's operator key (sessionStorage only), the operator
// invites hosts by email, lists them a page at a time and suspends or reinstates them.
import { ApiError, request } from "./lib/api.js";
import { byId, el, inputById, setStatus } from "./lib/dom.js";

const KEY_STORAGE = "schedly.operator.key";
const seg = encodeURIComponent;

/** @typedef {{ slug: string, name: string, email: string, suspended: boolean, createdAt: string }} HostListItem */

const ctx = {
  key: "",
  /** @type {string | null} */
  continuation: null,
};

/** @param {string} path @param {import("./lib/api.js").RequestOptions} [options] */
const call = (path, options = {}) => request(path, { ...options, token: ctx.key });

/** @param {unknown} error */
const describe = (error) => (error instanceof Error ? error.message : String(error));

function readStoredKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

/** @param {string} value */
function storeKey(value) {
  try {
    if (value) sessionStorage.setItem(KEY_STORAGE, value);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage unavailable: the key lives in memory for this page only.
  }
}

/** One host's row: name, address, link, state and the button that changes it. @param {HostListItem} host */
function hostItem(host) {
  const state = el("span", { class: host.suspended ? "badge cancelled" : "badge confirmed", text: host.suspended ? "Suspended" : "Active" });
  const button = el("button", {
    type: "button",
    class: "secondary",
    text: host.suspended ? "Reinstate" : "Suspend",
    "aria-label": `${host.suspended ? "Reinstate" : "Suspend"} ${host.name}`,
  });
  const item = el("li", { class: "host-item", dataset: { slug: host.slug } },
    el("div", {}, el("strong", { text: host.name }), " ", state),
    el("div", { class: "muted small" }, `${host.email} · `, el("a", { href: `/book/${seg(host.slug)}`, text: `/book/${host.slug}` })),
    button);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const changed = await call(`/api/admin/hosts/${seg(host.slug)}/${host.suspended ? "reinstate" : "suspend"}`, { method: "POST" });
      item.replaceWith(hostItem(changed));
      setStatus(byId("hosts-status"), `${changed.name} is ${changed.suspended ? "suspended: no sign-in, booking page closed" : "active again"}.`);
    } catch (error) {
      button.disabled = false;
      setStatus(byId("hosts-status"), describe(error), true);
    }
  });
  return item;
}

/** Reads the next page of hosts (the first when `reset`). @param {boolean} reset */
async function loadHosts(reset) {
  const list = byId("host-list");
  if (reset) {
    list.replaceChildren();
    ctx.continuation = null;
  }
  const page = await call(`/api/admin/hosts?pageSize=50${ctx.continuation ? `&continuationToken=${seg(ctx.continuation)}` : ""}`);
  list.append(...page.hosts.map(hostItem));
  ctx.continuation = page.continuationToken ?? null;
  byId("hosts-more").hidden = !ctx.continuation;
  setStatus(byId("hosts-status"), list.childElementCount === 0 ? "No hosts yet: invite the first one." : "");
}

/** @param {string} candidate */
async function signIn(candidate) {
  ctx.key = candidate;
  try {
    await loadHosts(true);
  } catch (error) {
    ctx.key = "";
    storeKey("");
    byId("operator-signin").hidden = false;
    setStatus(byId("operator-signin-status"), describe(error), true);
    return false;
  }
  storeKey(candidate);
  byId("operator-signin").hidden = true;
  byId("operator").hidden = false;
  byId("operator-sign-out").hidden = false;
  return true;
}

function setUpInvite() {
  const form = byId("invite-form", HTMLFormElement);
  const zone = inputById("invite-zone");
  zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("invite-button", HTMLButtonElement);
    if (button.disabled) return;
    const errors = byId("invite-errors");
    errors.replaceChildren();
    for (const input of form.querySelectorAll("input")) input.removeAttribute("aria-invalid");
    const slug = inputById("invite-slug").value.trim();
    const body = { name: inputById("invite-name").value.trim(), email: inputById("invite-email").value.trim(), timeZone: zone.value.trim() };
    button.disabled = true;
    setStatus(byId("invite-status"), "Sending…");
    try {
      const host = await call(`/api/admin/hosts/${seg(slug || "-")}/invite`, { method: "POST", body });
      setStatus(byId("invite-status"), `Invitation sent to ${host.email}.`);
      form.reset();
      zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await loadHosts(true);
    } catch (error) {
      setStatus(byId("invite-status"), error instanceof ApiError && error.fieldErrors.length ? "Check the fields marked below." : describe(error), true);
      if (error instanceof ApiError) {
        for (const [field, message] of error.fieldErrors) {
          form.querySelector(`[data-field="${field}"]`)?.setAttribute("aria-invalid", "true");
          errors.append(el("li", { text: `${field}: ${message}` }));
        }
      }
    } finally {
      button.disabled = false;
    }
  });
}

async function main() {
  setUpInvite();
  byId("hosts-more").addEventListener("click", () => loadHosts(false).catch((error) => setStatus(byId("hosts-status"), describe(error), true)));
  byId("operator-signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = inputById("operator-key");
    if (!input.value.trim()) {
      input.setAttribute("aria-invalid", "true");
      setStatus(byId("operator-signin-status"), "Paste the operator key.", true);
      return;
    }
    input.removeAttribute("aria-invalid");
    if (await signIn(input.value.trim())) {
      input.value = "";
      setStatus(byId("operator-signin-status"), "");
      byId("title").focus();
    } else {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  });
  byId("operator-sign-out").addEventListener("click", () => {
    storeKey("");
    ctx.key = "";
    byId("operator").hidden = true;
    byId("operator-sign-out").hidden = true;
    byId("host-list").replaceChildren();
    byId("operator-signin").hidden = false;
    setStatus(byId("operator-status"), "You are signed out.");
    inputById("operator-key").focus();
  });
  const stored = readStoredKey();
  if (stored && (await signIn(stored))) return;
  byId("operator-signin").hidden = false;
  inputById("operator-key").focus();
}

main().catch((error) => setStatus(byId("operator-status"), `Something went wrong: ${describe(error)}`, true));
