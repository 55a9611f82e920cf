// @ts-check
// The booking page: /book/{host} lists event types; /book/{host}/{eventType} shows the month view,
// the form and, after booking, the confirmation.
import { ApiError } from "./lib/api.js";
import { byId, setStatus } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { showBooking } from "./book/booking-form.js";
import { createBookingContext } from "./book/context.js";
import { showEventTypes } from "./book/event-types.js";
import { showDescription, showHostProfile } from "./book/host-profile.js";

/** @param {import("./book/context.js").BookingContext} ctx */
async function main(ctx) {
  // Show the (empty, space-reserving) booking area at once so nothing jumps when it fills in.
  byId("booking").hidden = !ctx.eventType;
  try {
    ctx.profile = /** @type {import("./book/context.js").HostProfile} */ (await publicApi.host(ctx.host));
  } catch (error) {
    byId("booking").hidden = true;
    setStatus(ctx.status, error instanceof ApiError && error.kind === "host-suspended"
      ? error.message
      : error instanceof ApiError && error.status === 404
      ? "This booking page does not exist. Check the link you were given."
      : `Could not load this page: ${error instanceof Error ? error.message : error}`, true);
    return;
  }
  const profile = ctx.profile;
  byId("subtitle").textContent = `with ${profile.name}`;
  showHostProfile(profile);
  if (!ctx.eventType) {
    showEventTypes(ctx, profile);
    return;
  }
  ctx.type = profile.eventTypes.find((t) => t.slug === ctx.eventType) ?? null;
  if (!ctx.type) {
    byId("booking").hidden = true;
    setStatus(ctx.status, "This kind of meeting is not available for booking. Choose another below.", true);
    showEventTypes(ctx, profile, false);
    return;
  }
  showDescription(ctx.type);
  await showBooking(ctx);
}

const context = createBookingContext();
main(context).catch((error) => setStatus(context.status, `Something went wrong: ${error.message}`, true));
