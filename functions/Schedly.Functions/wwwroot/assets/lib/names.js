// @ts-check
// People's names as one phrase in the page's language.
import { locale } from "./i18n.js";

/**
 * "Ada, Grace and Linus" ("or" for one of them), by `Intl.ListFormat` in the page's language.
 * @param {string[]} names @param {"conjunction" | "disjunction"} [type]
 */
export function nameList(names, type = "conjunction") {
  try {
    return new Intl.ListFormat(locale, { style: "long", type }).format(names);
  } catch {
    return names.join(", ");
  }
}
