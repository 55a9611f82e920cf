// @ts-check
// The page's words: the server renders each page in one language (?lang=, then Accept-Language, then the host's
// default) and puts that language's `page.*` messages in <script type="application/json" id="messages">. This module
// reads them once; plurals follow the language's CLDR rules through Intl.PluralRules. The catalog files live in
// core/Schedly.Core/Localization/Messages (one source for pages, emails and calendar entries).

/** @typedef {string | Record<string, string>} Entry */

/** @returns {Record<string, Entry>} */
function readMessages() {
  const node = document.getElementById("messages");
  if (!node?.textContent) return {};
  try {
    return JSON.parse(node.textContent);
  } catch {
    return {};
  }
}

/** The page's messages (read-only after load). */
const MESSAGES = Object.freeze(readMessages());

/** The page's language (BCP 47), as the server chose it. */
export const locale = document.documentElement.lang || "en";

/** True when the page carries a catalog (the booking and manage pages do; the dashboard does not). */
export const hasMessages = Object.keys(MESSAGES).length > 0;

const pluralRules = new Intl.PluralRules(locale);
const numbers = new Intl.NumberFormat(locale);

/**
 * Fills `{name}` placeholders; a missing value is left visible so a test notices it.
 * @param {string} text @param {Record<string, string | number>} values
 */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/**
 * The message `key` in the page's language. An unknown key shows itself (and the catalog test keeps that from shipping).
 * @param {string} key @param {Record<string, string | number>} [values]
 */
export function t(key, values = {}) {
  const entry = MESSAGES[key];
  return typeof entry === "string" ? fill(entry, values) : key;
}

/**
 * The plural form of `key` for `count` (CLDR category via Intl.PluralRules); `{count}` is the number in the page's language.
 * @param {string} key @param {number} count @param {Record<string, string | number>} [values]
 */
export function tp(key, count, values = {}) {
  const entry = MESSAGES[key];
  if (!entry || typeof entry === "string") return key;
  const form = entry[pluralRules.select(count)] ?? entry.other;
  return fill(form, { ...values, count: numbers.format(count) });
}
