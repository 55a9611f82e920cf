// The booking page: /book/{host} lists event types; /book/{host}/{eventType} shows the month view,
// the form and, after booking, the confirmation.
import { api, ApiError, calendarUrl, manageUrl } from "./api.js";
import { createSlotPicker } from "./calendar.js";
import { detectTimeZone, fillZoneSelect, formatRange } from "./time.js";

const $ = (id) => document.getElementById(id);
const pageStatus = $("page-status");

function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function formatPrice(price) {
  if (!price) return "";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: price.currency }).format(Number(price.amount));
  } catch {
    return `${price.amount} ${price.currency}`;
  }
}

function parsePath() {
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  return { host: parts[1] ?? "", eventType: parts[2] ?? null };
}

async function main() {
  const { host, eventType } = parsePath();
  // Show the (empty, space-reserving) booking area at once so nothing jumps when it fills in.
  $("booking").hidden = !eventType;
  let profile;
  try {
    profile = await api.host(host);
  } catch (error) {
    $("booking").hidden = true;
    setStatus(pageStatus, error instanceof ApiError && error.status === 404
      ? "This booking page does not exist. Check the link you were given."
      : `Could not load this page: ${error.message}`, true);
    return;
  }
  $("subtitle").textContent = `with ${profile.name}`;
  if (!eventType) {
    showEventTypes(profile);
    return;
  }
  const type = profile.eventTypes.find((t) => t.slug === eventType);
  if (!type) {
    $("booking").hidden = true;
    setStatus(pageStatus, "This kind of meeting is not available for booking. Choose another below.", true);
    showEventTypes(profile, false);
    return;
  }
  showBooking(profile, type);
}

function showEventTypes(profile, clearStatus = true) {
  document.title = `Book with ${profile.name} · Schedly`;
  $("title").textContent = `Book with ${profile.name}`;
  if (clearStatus) setStatus(pageStatus, profile.eventTypes.length ? "" : "There is nothing to book right now.");
  $("event-type-list").replaceChildren(...profile.eventTypes.map((type) => {
    const link = document.createElement("a");
    link.href = `/book/${encodeURIComponent(profile.slug)}/${encodeURIComponent(type.slug)}`;
    link.className = "event-type";
    const title = document.createElement("strong");
    title.textContent = type.title;
    const meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = [`${type.durationMinutes} min`, formatPrice(type.price)].filter(Boolean).join(" · ");
    link.append(title, meta);
    if (type.description) {
      const description = document.createElement("span");
      description.className = "description";
      description.textContent = type.description;
      link.append(description);
    }
    const item = document.createElement("li");
    item.append(link);
    return item;
  }));
  $("event-types").hidden = false;
}

function showBooking(profile, type) {
  document.title = `${type.title} with ${profile.name} · Schedly`;
  $("title").textContent = type.title;
  $("subtitle").textContent = [`with ${profile.name}`, `${type.durationMinutes} min`, formatPrice(type.price)].filter(Boolean).join(" · ");
  setStatus(pageStatus, "");
  $("booking").hidden = false;

  let zone = detectTimeZone();
  const zoneSelect = $("zone");
  fillZoneSelect(zoneSelect, zone);

  const form = $("booking-form");
  const formStatus = $("form-status");
  const formErrors = $("form-errors");
  const submit = $("submit");
  let chosen = null;
  let pendingKey = null;

  const picker = createSlotPicker($("picker"), {
    host: profile.slug,
    eventType: type.slug,
    timeZone: zone,
    onSelect(slot) {
      chosen = slot;
      pendingKey = null;
      $("chosen").textContent = `${formatRange(slot.start, slot.end, zone)} (${zone.replaceAll("_", " ")})`;
      clearErrors();
      setStatus(pageStatus, "");
      form.hidden = false;
      $("name").focus();
    },
  });
  picker.refresh();

  zoneSelect.addEventListener("change", () => {
    zone = zoneSelect.value;
    chosen = null;
    form.hidden = true;
    picker.setTimeZone(zone);
  });

  function clearErrors() {
    setStatus(formStatus, "");
    formErrors.replaceChildren();
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!chosen || submit.disabled) return;
    clearErrors();
    const name = $("name").value.trim();
    const email = $("email").value.trim();
    const missing = [];
    if (!name) missing.push(["name", "Please enter your name."]);
    if (!email || !$("email").checkValidity()) missing.push(["email", "Please enter a valid email address."]);
    if (missing.length) {
      showFieldErrors("Please check the form.", missing);
      return;
    }
    pendingKey ??= newIdempotencyKey();
    submit.disabled = true;
    submit.textContent = "Booking…";
    setStatus(formStatus, "");
    try {
      const booking = await api.book(profile.slug, type.slug,
        { start: chosen.start, name, email, timeZone: zone, notes: $("notes").value.trim() }, pendingKey);
      showConfirmation(profile, type, booking, zone);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 0) pendingKey = null;
      if (error.kind === "slot-unavailable") {
        chosen = null;
        form.hidden = true;
        picker.clearSelection();
        setStatus(pageStatus, "That time was just taken. Please choose another time.", true);
        await picker.refresh();
      } else if (error.kind === "validation") {
        showFieldErrors(error.message, Object.entries(error.problem?.errors ?? {}).map(([field, messages]) => [field, [].concat(messages).join(" ")]));
      } else {
        setStatus(formStatus, error.status === 0 ? error.message : `Sorry, that did not work: ${error.message}`, true);
      }
    } finally {
      submit.disabled = false;
      submit.textContent = "Confirm booking";
    }
  });

  function showFieldErrors(summary, fieldErrors) {
    setStatus(formStatus, summary, true);
    formErrors.replaceChildren(...fieldErrors.map(([field, message]) => {
      const input = form.querySelector(`[name="${CSS.escape(field.toLowerCase())}"]`);
      input?.setAttribute("aria-invalid", "true");
      const item = document.createElement("li");
      item.textContent = message;
      return item;
    }));
    form.querySelector("[aria-invalid=true]")?.focus();
  }
}

function showConfirmation(profile, type, booking, zone) {
  $("booking").hidden = true;
  setStatus(pageStatus, "");
  $("title").textContent = type.title;
  $("confirmed-title").textContent = `${type.title} with ${profile.name}`;
  const time = $("confirmed-time");
  time.replaceChildren();
  const stamp = document.createElement("time");
  stamp.dateTime = booking.start;
  stamp.textContent = formatRange(booking.start, booking.end, zone);
  time.append(stamp);
  $("confirmed-zone").textContent = `Time zone: ${zone.replaceAll("_", " ")}`;
  $("confirmed-email").textContent = `A confirmation goes to ${booking.email}.`;
  $("ics-link").href = calendarUrl(booking.id, booking.manageToken);
  $("ics-link").setAttribute("download", "booking.ics");
  $("manage-link").href = manageUrl(booking.id, booking.manageToken);
  const section = $("confirmation");
  section.hidden = false;
  $("confirmed-heading").focus();
}

main().catch((error) => setStatus(pageStatus, `Something went wrong: ${error.message}`, true));
