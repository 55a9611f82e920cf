// @ts-check
// A booking that waits (for payment or the host's answer): what it waits for and until when, in the visitor's
// language and the chosen zone. Shared by the booking page's confirmation and the manage page.
import { t } from "./i18n.js";

/**
 * "" when the booking does not wait (or has no deadline).
 * @param {{ status?: string, expiresAt?: string | null }} booking
 * @param {string} zone
 */
export function pendingNote(booking, zone) {
  const key = booking.status === "pendingPayment" ? "page.manage.heldForPayment"
    : booking.status === "pendingApproval" ? "page.manage.heldForApproval"
    : null;
  if (!key || !booking.expiresAt) return "";
  const until = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "full", timeStyle: "short", timeZone: zone })
    .format(new Date(booking.expiresAt));
  return t(key, { until });
}
