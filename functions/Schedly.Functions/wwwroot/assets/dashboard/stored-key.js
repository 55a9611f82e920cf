// @ts-check
// The host API key in sessionStorage (never localStorage, never in a URL), one entry per host.

/** @param {string} host */
const storageKey = (host) => `schedly.dashboard.key:${host}`;

/** @param {string} host */
export function readKey(host) {
  try {
    return sessionStorage.getItem(storageKey(host)) ?? "";
  } catch {
    return "";
  }
}

/** Stores the key, or forgets it when empty. @param {string} host @param {string} value */
export function storeKey(host, value) {
  try {
    if (value) sessionStorage.setItem(storageKey(host), value);
    else sessionStorage.removeItem(storageKey(host));
  } catch {
    // Storage unavailable: the key lives only in memory for this page.
  }
}
