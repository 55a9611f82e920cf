// @ts-check
// The way back from paying. Stripe returns the client to /manage?payment=done, without the manage token (which
// travels only in fragments and never to a third party); the booking page leaves the full manage address in this
// tab's sessionStorage before the client leaves to pay, and the manage page takes it from there.

const KEY = "schedly.afterPayment";

/** @param {string} manageHref the absolute manage address (with its #token fragment) */
export function rememberPaymentReturn(manageHref) {
  sessionStorage.setItem(KEY, manageHref);
}

/** True when this page load is the return from the payment page. */
export const isPaymentReturn = () => new URLSearchParams(location.search).get("payment") === "done";

/** The remembered manage address (same origin only), once; null when there is none or this is not a payment return. */
export function takePaymentReturn() {
  if (!isPaymentReturn()) return null;
  const href = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return href && new URL(href, location.href).origin === location.origin ? href : null;
}
