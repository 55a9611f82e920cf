// @ts-check
// An event type's price as shown on the booking page.
import { formatMoney } from "../lib/format.js";

/** "€50.00", or "" when free. @param {import("../lib/endpoints.js").Price | null | undefined} price */
export const formatPrice = (price) => (price ? formatMoney(price.amount, price.currency) : "");
