// @ts-check
// The manage page: /manage#id=…&token=…. The token is read from the fragment (never sent in a URL)
// and travels only in the Authorization header.
import { ApiError } from "./lib/api.js";
import { byId, setStatus } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { t } from "./lib/i18n.js";
import { emit, followHeight } from "./lib/embed-events.js";
import { isPaymentReturn, takePaymentReturn } from "./lib/payment-return.js";
import { fillZoneSelect } from "./lib/zones.js";
import { setUpCancel } from "./manage/cancel.js";
import { createManageContext } from "./manage/context.js";
import { renderDetails } from "./manage/details.js";
import { describeOwner } from "./manage/owner.js";
import { changeZone, setUpReschedule } from "./manage/reschedule.js";

/** @param {unknown} error */
function describeLoadError(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
    return t("page.manage.invalidLink");
  }
  return t("page.manage.loadFailed", { message: error instanceof Error ? error.message : String(error) });
}

/** @param {import("./manage/context.js").ManageContext} ctx */
async function main(ctx) {
  if (!ctx.id || !ctx.token) {
    // Back from paying: the payment page returns here without the token; the booking page left the way back.
    const back = takePaymentReturn();
    if (back) {
      location.replace(back);
      return;
    }
    setStatus(ctx.status, t(isPaymentReturn() ? "page.manage.paymentReturn" : "page.manage.incompleteLink"), !isPaymentReturn());
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
    const { title, withWhom } = await describeOwner(booking);
    ctx.eventTitle = title;
    byId("subtitle").textContent = t("page.book.withHost", { host: withWhom });
  } catch {
    ctx.eventTitle = null;
  }
  setStatus(ctx.status, "");
  renderDetails(ctx);
  emit("loaded", { host: booking.host, eventType: booking.eventType });
}

followHeight();
const context = createManageContext();
main(context).catch((error) => setStatus(context.status, t("page.error.generic", { message: error.message }), true));
