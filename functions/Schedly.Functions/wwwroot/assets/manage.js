// @ts-check
// The manage page: /manage#id=…&token=…. The token is read from the fragment (never sent in a URL)
// and travels only in the Authorization header.
import { ApiError } from "./lib/api.js";
import { byId, setStatus } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { fillZoneSelect } from "./lib/zones.js";
import { setUpCancel } from "./manage/cancel.js";
import { createManageContext } from "./manage/context.js";
import { renderDetails } from "./manage/details.js";
import { changeZone, setUpReschedule } from "./manage/reschedule.js";

/** @param {unknown} error */
function describeLoadError(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
    return "This manage link is not valid. Use the link from your confirmation email.";
  }
  return `Could not load your booking: ${error instanceof Error ? error.message : error}`;
}

/** @param {import("./manage/context.js").ManageContext} ctx */
async function main(ctx) {
  if (!ctx.id || !ctx.token) {
    setStatus(ctx.status, "This manage link is incomplete. Use the full link from your confirmation.", true);
    return;
  }
  const zoneSelect = byId("zone", HTMLSelectElement);
  fillZoneSelect(zoneSelect, ctx.zone);
  zoneSelect.addEventListener("change", () => changeZone(ctx, zoneSelect.value));
  setUpReschedule(ctx);
  setUpCancel(ctx);
  let booking;
  try {
    booking = ctx.booking = await publicApi.booking(ctx.id, ctx.token);
  } catch (error) {
    setStatus(ctx.status, describeLoadError(error), true);
    return;
  }
  try {
    /** @type {import("./lib/endpoints.js").HostProfile} */
    const profile = await publicApi.host(booking.host);
    ctx.eventTitle = profile.eventTypes.find((t) => t.slug === booking.eventType)?.title ?? null;
    byId("subtitle").textContent = `with ${profile.name}`;
  } catch {
    ctx.eventTitle = null;
  }
  setStatus(ctx.status, "");
  renderDetails(ctx);
}

const context = createManageContext();
main(context).catch((error) => setStatus(context.status, `Something went wrong: ${error.message}`, true));
