// @ts-check
// The approval page: /approve#id=…&token=…, opened from the request email. Reading the request changes nothing (a mail
// scanner that follows the link cannot answer); only the buttons post the host's answer, and the server takes one answer.
import { ApiError } from "./lib/api.js";
import { BOOKING_STATES, showLengthAndPrice, showState } from "./lib/booking-state.js";
import { byId, el, setStatus } from "./lib/dom.js";
import { publicApi } from "./lib/endpoints.js";
import { clearFieldErrors, showFieldErrors } from "./lib/field-errors.js";
import { formatRange } from "./lib/format.js";
import { t } from "./lib/i18n.js";
import { showLocation } from "./lib/location.js";
import { detectTimeZone } from "./lib/zones.js";

/** @typedef {import("./manage/context.js").ManagedBooking & { timeZone: string, questionAnswers?: Array<{ label: string, value: string }> }} RequestedBooking */

const params = new URLSearchParams(location.hash.slice(1));
const id = params.get("id") ?? "";
const token = params.get("token") ?? "";
const zone = detectTimeZone();
const pageStatus = byId("page-status");

/** @param {RequestedBooking} booking @param {string} when */
function lapsesNote(booking, when) {
  return booking.status === "pendingApproval" && booking.expiresAt ? t("page.approve.lapses", { until: when }) : "";
}

/** Draws the request as it stands; the answer form only while it waits. @param {RequestedBooking} booking */
function render(booking) {
  showState(byId("state"), booking.status);
  byId("booking-time").replaceChildren(el("time", { dateTime: booking.start, text: formatRange(booking.start, booking.end, zone) }));
  showLengthAndPrice(byId("booking-length"), booking);
  showLocation(byId("booking-location"), booking.location ?? null);
  byId("booking-who").textContent = t("page.approve.from", { name: booking.name, email: booking.email });
  byId("client-zone").textContent = t("page.approve.clientZone", { zone: booking.timeZone, time: formatRange(booking.start, booking.end, booking.timeZone) });
  const answers = byId("booking-answers");
  const list = booking.questionAnswers ?? [];
  answers.replaceChildren(...list.flatMap((a) => [el("dt", { text: a.label }), el("dd", { class: "notes", text: a.value })]));
  answers.hidden = list.length === 0;
  const notes = byId("booking-notes");
  notes.textContent = booking.notes ? t("page.approve.notes", { notes: booking.notes }) : "";
  notes.hidden = !booking.notes;
  const until = booking.expiresAt
    ? new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "full", timeStyle: "short", timeZone: zone }).format(new Date(booking.expiresAt))
    : "";
  const lapses = byId("lapses");
  lapses.textContent = lapsesNote(booking, until);
  lapses.hidden = !lapses.textContent;
  byId("details").hidden = false;
  byId("answer").hidden = booking.status !== "pendingApproval";
  const dashboard = byId("dashboard-link", HTMLAnchorElement);
  dashboard.href = `/dashboard/${encodeURIComponent(booking.host)}`;
  dashboard.hidden = false;
}

/** @param {RequestedBooking} booking @param {boolean} justNow answered by this page a moment ago */
function describeAnswered(booking, justNow) {
  if (!justNow) return t("page.approve.alreadyAnswered", { state: t((BOOKING_STATES[/** @type {keyof typeof BOOKING_STATES} */ (booking.status)] ?? BOOKING_STATES.cancelled).label) });
  if (booking.status === "confirmed") return t("page.approve.approved", { name: booking.name });
  if (booking.status === "declined") return t("page.approve.declinedDone", { name: booking.name });
  return describeAnswered(booking, false);
}

/** Posts one answer; a second answer (another tab, the dashboard) shows where the request stands instead. @param {"approve" | "decline"} answer */
async function send(answer) {
  const form = byId("answer", HTMLFormElement);
  const errors = byId("answer-errors");
  const status = byId("answer-status");
  const buttons = [...form.querySelectorAll("button")];
  for (const button of buttons) button.disabled = true;
  clearFieldErrors(form, errors);
  setStatus(status, t("page.approve.working"));
  try {
    const reason = answer === "decline" ? byId("reason", HTMLTextAreaElement).value.trim() : "";
    /** @type {RequestedBooking} */
    const booking = await publicApi.answerRequest(id, token, answer, reason);
    render(booking);
    setStatus(status, describeAnswered(booking, true));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.kind === "booking-not-pending") {
      /** @type {RequestedBooking} */
      const now = await publicApi.approvalRequest(id, token);
      render(now);
      setStatus(status, describeAnswered(now, false));
      return;
    }
    showFieldErrors(form, errors, error.fieldErrors, { withFieldNames: false });
    setStatus(status, t("page.approve.failed", { message: error.message }), true);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
  byId("title").focus();
}

function setUpAnswer() {
  const form = byId("answer", HTMLFormElement);
  const box = byId("decline-box");
  const decline = byId("decline-button", HTMLButtonElement);
  /** @param {boolean} open */
  const asking = (open) => {
    box.hidden = !open;
    decline.hidden = open;
    (open ? byId("reason") : decline).focus();
  };
  byId("approve-button").addEventListener("click", () => send("approve"));
  decline.addEventListener("click", () => asking(true));
  byId("decline-back").addEventListener("click", () => asking(false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!box.hidden) send("decline");
  });
}

async function main() {
  if (!id || !token) {
    setStatus(pageStatus, t("page.approve.incompleteLink"), true);
    return;
  }
  setUpAnswer();
  /** @type {RequestedBooking} */
  let booking;
  try {
    booking = await publicApi.approvalRequest(id, token);
  } catch (error) {
    const invalid = error instanceof ApiError && (error.status === 401 || error.status === 404);
    setStatus(pageStatus, invalid ? t("page.approve.invalidLink") : t("page.approve.loadFailed", { message: error instanceof Error ? error.message : String(error) }), true);
    return;
  }
  setStatus(pageStatus, booking.status === "pendingApproval" ? "" : describeAnswered(booking, false));
  try {
    /** @type {import("./lib/endpoints.js").HostProfile} */
    const profile = await publicApi.host(booking.host);
    const title = profile.eventTypes.find((type) => type.slug === booking.eventType)?.title;
    if (title) byId("subtitle").textContent = title;
  } catch {
    // The title is a courtesy; the request reads without it.
  }
  render(booking);
}

main().catch((error) => setStatus(pageStatus, t("page.error.generic", { message: error.message }), true));
