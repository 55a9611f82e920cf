// @ts-check
// Amounts typed the way the host writes numbers ("150,00" in German or French, "150.00" or "1,500.00" in English) and
// the contract's decimal string ("150.00", dot, no grouping). Text that is neither the locale's form nor the contract's
// goes to the server unchanged, so its validation error is what the host sees.

/** The locale's decimal and grouping separators. @param {string} locale */
function separators(locale) {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The contract's decimal string for `text` typed in `locale` ("150,00" in de → "150.00"); "" for empty text.
 * @param {string} text @param {string} locale
 */
export function parseLocalDecimal(text, locale) {
  const typed = text.trim();
  if (typed === "") return "";
  const { decimal, group } = separators(locale);
  // Grouping spaces come in several kinds (fr uses a narrow no-break space): any space groups in such a locale.
  const groupPattern = /\s/u.test(group) ? "[\\s\\u202f\\u00a0]" : escape(group);
  const local = new RegExp(`^(\\d{1,3}(?:${groupPattern}\\d{3})+|\\d+)(?:${escape(decimal)}(\\d+))?$`, "u");
  const match = local.exec(typed);
  if (match) {
    const whole = match[1].replace(/\D/g, "");
    return match[2] === undefined ? whole : `${whole}.${match[2]}`;
  }
  return typed; // the contract's own form ("150.00") or something the server will refuse
}

/**
 * `amount` ("150.00") as the host writes it in `locale` ("150,00" in de); "" for none.
 * @param {string | null | undefined} amount @param {string} locale
 */
export function formatLocalDecimal(amount, locale) {
  if (!amount) return "";
  const { decimal } = separators(locale);
  return /^\d+(\.\d+)?$/.test(amount) ? amount.replace(".", decimal) : amount;
}
