// @ts-check
// The booking page: /book/{host} lists event types; /book/{host}/{eventType} shows the month view,
// the form and, after booking, the confirmation. /book/team/{team}[/{eventType}] is the same page for a team.
// The server already rendered the title and the host's (or team's) name in the visitor's language and put
// the profile in the page (#host-data).
import { ApiError } from "./lib/api.js";
import { byId, setStatus } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { t } from "./lib/i18n.js";
import { showBooking } from "./book/booking-form.js";
import { createBookingContext, embeddedProfile, teamAsProfile } from "./book/context.js";
import { showEventTypes } from "./book/event-types.js";
import { showDescription, showHostProfile, withWhom } from "./book/host-profile.js";
import { restoreConfirmation } from "./book/steps.js";
import { emit, followHeight } from "./lib/embed-events.js";

/** @param {import("./book/context.js").BookingContext} ctx */
async function main(ctx) {
  // Show the (empty, space-reserving) booking area at once so nothing jumps when it fills in.
  byId("booking").hidden = !ctx.eventType;
  try {
    ctx.profile = embeddedProfile() ?? (ctx.owner.kind === "team"
      ? teamAsProfile(await publicApi.team(ctx.owner.slug))
      : /** @type {import("./book/context.js").HostProfile} */ (await publicApi.host(ctx.owner.slug)));
  } catch (error) {
    byId("booking").hidden = true;
    setStatus(ctx.status, error instanceof ApiError && error.kind === "host-suspended"
      ? t("page.book.closed")
      : error instanceof ApiError && error.status === 404
      ? t("page.book.notFound")
      : t("page.book.loadFailed", { message: error instanceof Error ? error.message : String(error) }), true);
    return;
  }
  const profile = ctx.profile;
  byId("subtitle").textContent = withWhom(profile);
  showHostProfile(profile);
  if (!ctx.eventType) {
    showEventTypes(ctx, profile);
    emit("loaded", { host: profile.slug, eventType: null });
    return;
  }
  ctx.type = profile.eventTypes.find((type) => type.slug === ctx.eventType) ?? null;
  if (!ctx.type) {
    byId("booking").hidden = true;
    setStatus(ctx.status, t("page.book.typeUnavailable"), true);
    showEventTypes(ctx, profile, false);
    return;
  }
  showDescription(profile, ctx.type);
  emit("loaded", { host: profile.slug, eventType: ctx.type.slug });
  if (await restoreConfirmation(ctx)) return;
  await showBooking(ctx);
}

followHeight();
const context = createBookingContext();
main(context).catch((error) => setStatus(context.status, t("page.error.generic", { message: error.message }), true));
