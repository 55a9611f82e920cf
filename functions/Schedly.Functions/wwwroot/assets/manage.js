// The manage page: /manage#id=…&token=…. The token is read from the fragment (never sent in a URL)
// and travels only in the Authorization header.
import { api, ApiError, calendarUrl } from "./api.js";
import { createSlotPicker } from "./calendar.js";
import { detectTimeZone, fillZoneSelect, formatRange } from "./time.js";

const $ = (id) => document.getElementById(id);
const pageStatus = $("page-status");

function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle("error", isError);
}

const params = new URLSearchParams(location.hash.slice(1));
const id = params.get("id") ?? "";
const token = params.get("token") ?? "";

let zone = detectTimeZone();
let booking = null;
let eventTitle = null;
let picker = null;
let target = null;

function describeLoadError(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
    return "This manage link is not valid. Use the link from your confirmation email.";
  }
  return `Could not load your booking: ${error.message}`;
}

function render() {
  const cancelled = booking.status === "cancelled";
  $("title").textContent = eventTitle ?? "Your booking";
  $("state").textContent = cancelled ? "Cancelled" : "Confirmed";
  $("state").className = `badge ${cancelled ? "cancelled" : "confirmed"}`;
  const time = document.createElement("time");
  time.dateTime = booking.start;
  time.textContent = formatRange(booking.start, booking.end, zone);
  $("booking-time").replaceChildren(time);
  $("booking-time").classList.toggle("struck", cancelled);
  $("booking-who").textContent = `${booking.name} · ${booking.email}`;
  $("cancel-reason").hidden = !(cancelled && booking.cancelReason);
  $("cancel-reason").textContent = booking.cancelReason ? `Reason: ${booking.cancelReason}` : "";
  $("ics-link").href = calendarUrl(booking.id, token);
  $("ics-link").hidden = cancelled;
  const rebook = $("rebook-link");
  rebook.href = `/book/${encodeURIComponent(booking.host)}/${encodeURIComponent(booking.eventType)}`;
  rebook.hidden = !cancelled;
  $("details").hidden = false;
  $("reschedule").hidden = cancelled;
  $("cancel-form").hidden = cancelled;
}

async function main() {
  if (!id || !token) {
    setStatus(pageStatus, "This manage link is incomplete. Use the full link from your confirmation.", true);
    return;
  }
  fillZoneSelect($("zone"), zone);
  try {
    booking = await api.booking(id, token);
  } catch (error) {
    setStatus(pageStatus, describeLoadError(error), true);
    return;
  }
  try {
    const profile = await api.host(booking.host);
    const type = profile.eventTypes.find((t) => t.slug === booking.eventType);
    eventTitle = type?.title ?? null;
    $("subtitle").textContent = `with ${profile.name}`;
  } catch {
    eventTitle = null;
  }
  setStatus(pageStatus, "");
  render();
}

$("zone").addEventListener("change", () => {
  zone = $("zone").value;
  if (booking) render();
  target = null;
  $("move").hidden = true;
  picker?.setTimeZone(zone);
});

$("show-picker").addEventListener("click", () => {
  const root = $("picker");
  root.hidden = false;
  $("show-picker").hidden = true;
  picker ??= createSlotPicker(root, {
    host: booking.host,
    eventType: booking.eventType,
    timeZone: zone,
    onSelect(slot) {
      target = slot;
      setStatus($("reschedule-status"), "");
      $("move-to").textContent = `New time: ${formatRange(slot.start, slot.end, zone)}`;
      $("move").hidden = false;
      $("move-button").focus();
    },
  });
  picker.refresh();
});

$("move-button").addEventListener("click", async () => {
  const button = $("move-button");
  if (!target || button.disabled) return;
  button.disabled = true;
  const status = $("reschedule-status");
  setStatus(status, "Moving your booking…");
  try {
    booking = await api.reschedule(id, token, target.start);
    target = null;
    $("move").hidden = true;
    render();
    setStatus(status, `Done. Your booking is now ${formatRange(booking.start, booking.end, zone)}.`);
    picker?.clearSelection();
    await picker?.refresh();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.kind === "slot-unavailable") {
      target = null;
      $("move").hidden = true;
      picker?.clearSelection();
      setStatus(status, "That time was just taken. Please choose another time.", true);
      await picker?.refresh();
    } else if (error.kind === "booking-cancelled") {
      setStatus(status, "This booking is already cancelled.", true);
      booking = await api.booking(id, token).catch(() => booking);
      render();
    } else {
      setStatus(status, `Sorry, that did not work: ${error.message}`, true);
    }
  } finally {
    button.disabled = false;
  }
});

$("cancel-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("cancel-button");
  if (button.disabled) return;
  button.disabled = true;
  const status = $("cancel-status");
  setStatus(status, "Cancelling…");
  try {
    booking = await api.cancel(id, token, $("reason").value.trim());
    setStatus(status, "");
    render();
    setStatus(pageStatus, "Your booking is cancelled.");
    $("title").focus();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, `Sorry, the booking was not cancelled: ${error.message}`, true);
  } finally {
    button.disabled = false;
  }
});

main().catch((error) => setStatus(pageStatus, `Something went wrong: ${error.message}`, true));
