// The host dashboard: /dashboard/{host}. The host's API key is kept in sessionStorage only (never
// localStorage, never in a URL) and travels as `Authorization: Bearer`. Weekly hours and date
// overrides, event types, the bookings of the next 30 days (plus the past 7 for no-shows), and
// analytics (last 30 days by default) drawn as inline SVG charts.
import { request, ApiError } from "./api.js";
import { formatDateLong, formatTime, localDateOf, todayIn } from "./time.js";
import { dailyBarChart, horizontalBarChart } from "./charts.js";

const $ = (id) => document.getElementById(id);
const seg = encodeURIComponent;

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAY_NAMES = { monday: "Monday", tuesday: "Tuesday", wednesday: "Wednesday", thursday: "Thursday", friday: "Friday", saturday: "Saturday", sunday: "Sunday" };
const UPCOMING_DAYS = 30;
const RECENT_DAYS = 7;
const MAX_PAGES = 20;
const ANALYTICS_DAYS = 30;
const ANALYTICS_MAX_DAYS = 366;

const host = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
const storageKey = `schedly.dashboard.key:${host}`;

let key = "";
let config = null;
let editing = null; // slug of the event type in the editor, or "" for a new one

// ---- helpers ---------------------------------------------------------------------------------

function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = value;
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const admin = (path, options = {}) => request(`/api/admin/hosts/${seg(host)}${path}`, { ...options, token: key });

function readKey() {
  try {
    return sessionStorage.getItem(storageKey) ?? "";
  } catch {
    return "";
  }
}

function storeKey(value) {
  try {
    if (value) sessionStorage.setItem(storageKey, value);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage unavailable: the key lives only in memory for this page.
  }
}

/** "YYYY-MM-DD" plus days, plain calendar arithmetic. */
function addDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const hhmm = (value) => (value ?? "").slice(0, 5);

/** Field errors of a validation problem, as [field, message] pairs. */
function fieldErrors(error) {
  const errors = error?.problem?.errors ?? {};
  return Object.entries(errors).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages]).map((m) => [field, String(m)]));
}

/** Marks inputs whose data-field matches (or is inside) an error field and lists every error. */
function showErrors(root, list, error) {
  for (const node of root.querySelectorAll("[aria-invalid='true']")) node.removeAttribute("aria-invalid");
  for (const node of root.querySelectorAll(".field-error")) node.remove();
  const pairs = fieldErrors(error);
  list.replaceChildren(...pairs.map(([field, message]) => el("li", { text: field ? `${field}: ${message}` : message })));
  for (const [field, message] of pairs) {
    const input = root.querySelector(`[data-field="${CSS.escape(field)}"]`)
      ?? root.querySelector(`[data-field^="${CSS.escape(field)}."]`)
      ?? root.querySelector(`[data-field^="${CSS.escape(field)}["]`);
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    const id = `err-${Math.random().toString(36).slice(2)}`;
    const anchor = input.closest(".interval") ?? input.parentElement;
    const note = el(anchor.tagName === "LI" ? "li" : "span", { class: "field-error", id, text: message });
    input.setAttribute("aria-describedby", id);
    anchor.after(note);
  }
  return pairs.length;
}

function clearErrors(root, list) {
  showErrors(root, list, null);
}

// ---- sign in / out ---------------------------------------------------------------------------

function describeAuthError(error) {
  if (error instanceof ApiError) return error.message;
  return `Something went wrong: ${error?.message ?? error}`;
}

async function signIn(candidate, { fromStorage = false } = {}) {
  key = candidate;
  try {
    config = await admin("");
  } catch (error) {
    key = "";
    if (fromStorage) storeKey("");
    showSignIn();
    setStatus($("signin-status"), describeAuthError(error), true);
    return false;
  }
  storeKey(candidate);
  $("api-key").value = "";
  setStatus($("signin-status"), "");
  $("signin-form").hidden = true;
  $("dashboard").hidden = false;
  $("sign-out").hidden = false;
  $("subtitle").textContent = `${config.name} · ${config.timeZone}`;
  renderAll();
  resetAnalyticsRange();
  await Promise.all([loadBookings(), loadAnalytics()]);
  return true;
}

function showSignIn() {
  $("dashboard").hidden = true;
  $("sign-out").hidden = true;
  $("signin-form").hidden = false;
  $("subtitle").textContent = host;
}

function signOut() {
  storeKey("");
  key = "";
  config = null;
  editing = null;
  for (const id of ["weekly", "overrides", "type-list", "upcoming-list", "recent-list", "hours-errors", "type-errors", "analytics-totals", "analytics-charts", "analytics-errors"]) $(id).replaceChildren();
  $("type-form").hidden = true;
  showSignIn();
  setStatus($("page-status"), "You are signed out.");
  $("api-key").focus();
}

$("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("signin-button");
  const value = $("api-key").value.trim();
  if (button.disabled) return;
  if (!value) {
    $("api-key").setAttribute("aria-invalid", "true");
    setStatus($("signin-status"), "Paste your API key.", true);
    return;
  }
  $("api-key").removeAttribute("aria-invalid");
  button.disabled = true;
  setStatus($("signin-status"), "Signing in…");
  try {
    if (await signIn(value)) {
      setStatus($("page-status"), "");
      $("title").focus();
    } else {
      $("api-key").setAttribute("aria-invalid", "true");
      $("api-key").focus();
    }
  } finally {
    button.disabled = false;
  }
});

$("sign-out").addEventListener("click", signOut);

function renderAll() {
  renderHours();
  renderTypes();
}

// ---- weekly hours and overrides --------------------------------------------------------------

function intervalRow(fieldBase, index, interval, label) {
  const start = el("input", { type: "time", value: hhmm(interval.start), "aria-label": `${label} from`, dataset: { part: "start", field: `${fieldBase}[${index}].start` } });
  const end = el("input", { type: "time", value: hhmm(interval.end), "aria-label": `${label} until`, dataset: { part: "end", field: `${fieldBase}[${index}].end` } });
  const remove = el("button", { type: "button", class: "secondary remove", "aria-label": `Remove ${label}`, text: "Remove" });
  const row = el("li", { class: "interval" }, start, el("span", { class: "to", "aria-hidden": "true", text: "–" }), end, remove);
  remove.addEventListener("click", () => {
    const list = row.parentElement;
    const container = list.closest("[data-intervals]");
    row.remove();
    renumber(container);
    container.querySelector("button.add").focus();
  });
  return row;
}

/** Rebuilds field paths and labels after adding/removing rows. */
function renumber(container) {
  const base = container.dataset.intervals;
  const name = container.dataset.label;
  const rows = [...container.querySelectorAll("li.interval")];
  rows.forEach((row, i) => {
    const label = `${name} hours ${i + 1}`;
    const [start, end] = row.querySelectorAll("input");
    start.dataset.field = `${base}[${i}].start`;
    end.dataset.field = `${base}[${i}].end`;
    start.setAttribute("aria-label", `${label} from`);
    end.setAttribute("aria-label", `${label} until`);
    row.querySelector("button.remove").setAttribute("aria-label", `Remove ${label}`);
  });
  const empty = container.querySelector(".closed-note");
  if (empty) empty.hidden = rows.length > 0;
}

function intervalsEditor(fieldBase, name, intervals, { closedText = "Closed" } = {}) {
  const list = el("ul", { class: "intervals" });
  const add = el("button", { type: "button", class: "secondary add", text: "Add hours", "aria-label": `Add hours on ${name}` });
  const container = el("div", { class: "interval-editor", dataset: { intervals: fieldBase, label: name } },
    list, el("p", { class: "closed-note muted small", text: closedText }), add);
  (intervals ?? []).forEach((interval, i) => list.append(intervalRow(fieldBase, i, interval, `${name} hours ${i + 1}`)));
  add.addEventListener("click", () => {
    const rows = list.querySelectorAll("li.interval");
    const last = rows[rows.length - 1];
    const after = last ? hhmm(last.querySelectorAll("input")[1].value) : "";
    const start = after || "09:00";
    const end = after ? (after < "23:00" ? `${String(Number(after.slice(0, 2)) + 1).padStart(2, "0")}${after.slice(2)}` : "23:59") : "17:00";
    const row = intervalRow(fieldBase, rows.length, { start, end }, `${name} hours ${rows.length + 1}`);
    list.append(row);
    renumber(container);
    row.querySelector("input").focus();
  });
  renumber(container);
  return container;
}

function readIntervals(container) {
  return [...container.querySelectorAll("li.interval")].map((row) => {
    const [start, end] = row.querySelectorAll("input");
    return { start: start.value, end: end.value };
  });
}

function renderHours() {
  $("hours-zone").textContent = config.timeZone;
  const weekly = config.availability?.weekly ?? {};
  $("weekly").replaceChildren(...DAYS.map((day) => {
    const heading = el("h3", { class: "day-name", id: `day-${day}`, text: DAY_NAMES[day] });
    return el("section", { class: "weekday", id: `weekly-${day}`, "aria-labelledby": `day-${day}`, dataset: { day } },
      heading, intervalsEditor(`weekly.${day}`, DAY_NAMES[day], weekly[day] ?? []));
  }));
  $("overrides").replaceChildren(...(config.availability?.overrides ?? []).map((o, i) => overrideRow(o, i)));
  renumberOverrides();
  const blocked = config.availability?.blocked ?? [];
  $("blocked-note").textContent = blocked.length
    ? `${blocked.length} blocked period${blocked.length === 1 ? "" : "s"} kept as they are.`
    : "";
  clearErrors($("hours-form"), $("hours-errors"));
}

function overrideRow(override, index) {
  const closed = (override.intervals ?? []).length === 0;
  const date = el("input", { type: "date", value: override.date ?? "", class: "override-date", dataset: { field: `overrides[${index}].date` } });
  const dateId = `override-date-${Math.random().toString(36).slice(2)}`;
  date.id = dateId;
  const closedBox = el("input", { type: "checkbox", class: "override-closed", checked: closed });
  const closedId = `${dateId}-closed`;
  closedBox.id = closedId;
  const editor = intervalsEditor(`overrides[${index}].intervals`, override.date || "this date", closed ? [] : override.intervals, { closedText: "No hours: closed all day." });
  editor.hidden = closed;
  const remove = el("button", { type: "button", class: "secondary remove-override", text: "Remove date" });
  const row = el("li", { class: "override" },
    el("div", { class: "override-head" },
      el("div", { class: "field" }, el("label", { for: dateId, text: "Date" }), date),
      el("div", { class: "field check" }, closedBox, el("label", { for: closedId, text: "Closed" })),
      remove),
    editor);
  closedBox.addEventListener("change", () => {
    editor.hidden = closedBox.checked;
    if (!closedBox.checked && editor.querySelectorAll("li.interval").length === 0) editor.querySelector("button.add").click();
  });
  date.addEventListener("change", () => {
    editor.dataset.label = date.value || "this date";
    renumber(editor);
    editor.querySelector("button.add").setAttribute("aria-label", `Add hours on ${editor.dataset.label}`);
  });
  remove.addEventListener("click", () => {
    row.remove();
    renumberOverrides();
    $("add-override").focus();
  });
  return row;
}

function renumberOverrides() {
  [...$("overrides").querySelectorAll("li.override")].forEach((row, i) => {
    row.querySelector(".override-date").dataset.field = `overrides[${i}].date`;
    const editor = row.querySelector("[data-intervals]");
    editor.dataset.intervals = `overrides[${i}].intervals`;
    renumber(editor);
    row.querySelector(".remove-override").setAttribute("aria-label", `Remove date override ${i + 1}`);
  });
}

$("add-override").addEventListener("click", () => {
  const date = addDays(todayIn(config.timeZone), 1);
  const row = overrideRow({ date, intervals: [] }, $("overrides").children.length);
  $("overrides").append(row);
  renumberOverrides();
  row.querySelector(".override-date").focus();
});

function collectAvailability() {
  const weekly = {};
  for (const section of $("weekly").querySelectorAll("section.weekday")) {
    weekly[section.dataset.day] = readIntervals(section.querySelector("[data-intervals]"));
  }
  const overrides = [...$("overrides").querySelectorAll("li.override")].map((row) => ({
    date: row.querySelector(".override-date").value,
    intervals: row.querySelector(".override-closed").checked ? [] : readIntervals(row.querySelector("[data-intervals]")),
  }));
  // Blocked periods are not edited here: they go back exactly as loaded.
  return { weekly, overrides, blocked: config.availability?.blocked ?? null };
}

$("hours-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("save-hours");
  if (button.disabled) return;
  button.disabled = true;
  const status = $("hours-status");
  clearErrors($("hours-form"), $("hours-errors"));
  setStatus(status, "Saving…");
  try {
    const body = collectAvailability();
    const saved = await admin("/availability", { method: "PUT", body });
    config.availability = saved?.weekly ? saved : (saved?.availability ?? body);
    renderHours();
    setStatus(status, "Hours saved.");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showErrors($("hours-form"), $("hours-errors"), error);
    setStatus(status, count ? "Please correct the hours marked below." : `Not saved: ${error.message}`, true);
    $("hours-form").querySelector("[aria-invalid='true']")?.focus();
  } finally {
    button.disabled = false;
  }
});

// ---- event types -----------------------------------------------------------------------------

function renderTypes() {
  const entries = Object.entries(config.eventTypes ?? {});
  $("type-list").replaceChildren(...entries.map(([slug, type]) => {
    const edit = el("button", { type: "button", class: "secondary", text: "Edit", "aria-label": `Edit ${type.title ?? slug}` });
    edit.addEventListener("click", () => openType(slug));
    const badge = el("span", { class: `badge ${type.active === false ? "cancelled" : "confirmed"}`, text: type.active === false ? "Inactive" : "Active" });
    return el("li", { class: "type-row", dataset: { slug } },
      el("div", {},
        el("strong", { text: type.title ?? slug }), " ", badge,
        el("p", { class: "muted small", text: `/${slug} · ${type.durationMinutes ?? 30} min` })),
      edit);
  }));
  if (entries.length === 0) $("type-list").replaceChildren(el("li", { class: "muted", text: "No event types yet." }));
}

const numberFields = {
  "type-duration": "durationMinutes",
  "type-interval": "slotIntervalMinutes",
  "type-buffer-before": "bufferBeforeMinutes",
  "type-buffer-after": "bufferAfterMinutes",
  "type-notice": "minimumNoticeMinutes",
  "type-window": "bookingWindowDays",
  "type-limit": "maxBookingsPerDay",
};

function openType(slug) {
  editing = slug;
  const type = slug ? config.eventTypes[slug] : { durationMinutes: 30, slotIntervalMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, bookingWindowDays: 60, active: true };
  $("type-form-heading").textContent = slug ? `Edit ${type.title ?? slug}` : "New event type";
  $("type-slug").value = slug ?? "";
  $("type-slug").readOnly = Boolean(slug);
  $("type-title").value = type.title ?? "";
  $("type-description").value = type.description ?? "";
  for (const [id, field] of Object.entries(numberFields)) $(id).value = type[field] ?? "";
  $("type-price").value = type.price?.amount ?? "";
  $("type-currency").value = type.price?.currency ?? "";
  $("type-active").checked = type.active !== false;
  $("deactivate-type").hidden = !slug || type.active === false;
  clearErrors($("type-form"), $("type-errors"));
  setStatus($("type-status"), "");
  $("type-form").hidden = false;
  (slug ? $("type-title") : $("type-slug")).focus();
}

function collectType() {
  const original = editing ? config.eventTypes[editing] : {};
  const body = { ...original };
  body.title = $("type-title").value.trim();
  body.description = $("type-description").value.trim();
  for (const [id, field] of Object.entries(numberFields)) {
    const raw = $(id).value.trim();
    body[field] = raw === "" ? null : Number(raw);
  }
  const amount = $("type-price").value.trim();
  const currency = $("type-currency").value.trim().toUpperCase();
  body.price = amount || currency ? { amount, currency } : null;
  body.active = $("type-active").checked;
  return body;
}

$("new-type").addEventListener("click", () => openType(""));

$("close-type").addEventListener("click", () => {
  $("type-form").hidden = true;
  editing = null;
  $("new-type").focus();
});

$("type-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("save-type");
  if (button.disabled) return;
  const slug = editing || $("type-slug").value.trim();
  clearErrors($("type-form"), $("type-errors"));
  if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(slug)) {
    $("type-slug").setAttribute("aria-invalid", "true");
    $("type-errors").replaceChildren(el("li", { text: "slug: use lowercase letters, digits and dashes." }));
    setStatus($("type-status"), "Please correct the fields marked below.", true);
    $("type-slug").focus();
    return;
  }
  if (!editing && config.eventTypes?.[slug]) {
    $("type-slug").setAttribute("aria-invalid", "true");
    setStatus($("type-status"), `An event type "${slug}" already exists; edit it instead.`, true);
    return;
  }
  button.disabled = true;
  setStatus($("type-status"), "Saving…");
  try {
    const body = collectType();
    await admin(`/event-types/${seg(slug)}`, { method: "PUT", body });
    config = await admin("");
    renderTypes();
    openType(slug);
    setStatus($("type-status"), "Event type saved.");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showErrors($("type-form"), $("type-errors"), error);
    setStatus($("type-status"), count ? "Please correct the fields marked below." : `Not saved: ${error.message}`, true);
  } finally {
    button.disabled = false;
  }
});

$("deactivate-type").addEventListener("click", async () => {
  const button = $("deactivate-type");
  if (!editing || button.disabled) return;
  button.disabled = true;
  setStatus($("type-status"), "Deactivating…");
  try {
    await admin(`/event-types/${seg(editing)}`, { method: "DELETE" });
    config = await admin("");
    renderTypes();
    openType(editing);
    setStatus($("type-status"), "Deactivated: it can no longer be booked; existing bookings keep working.");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus($("type-status"), `Not deactivated: ${error.message}`, true);
  } finally {
    button.disabled = false;
  }
});

// ---- bookings --------------------------------------------------------------------------------

async function fetchBookings(start, end) {
  const all = [];
  let token = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `start=${start}&end=${end}&status=confirmed&pageSize=100${token ? `&continuationToken=${seg(token)}` : ""}`;
    const result = await admin(`/bookings?${query}`);
    all.push(...(result?.bookings ?? []));
    token = result?.continuationToken;
    if (!token) break;
  }
  return all;
}

async function loadBookings() {
  const status = $("bookings-status");
  setStatus(status, "Loading bookings…");
  const zone = config.timeZone;
  const today = todayIn(zone);
  try {
    const bookings = await fetchBookings(addDays(today, -RECENT_DAYS), addDays(today, UPCOMING_DAYS));
    const now = Date.now();
    const upcoming = bookings.filter((b) => Date.parse(b.start) >= now);
    const recent = bookings.filter((b) => Date.parse(b.start) < now).reverse();
    renderBookingList($("upcoming-list"), upcoming, false, "No bookings in the next 30 days.");
    renderBookingList($("recent-list"), recent, true, "No bookings in the past 7 days.");
    setStatus(status, "");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setStatus(status, `Could not load bookings: ${error.message}`, true);
  }
}

function renderBookingList(list, bookings, past, emptyText) {
  if (bookings.length === 0) {
    list.replaceChildren(el("li", { class: "muted empty", text: emptyText }));
    return;
  }
  list.replaceChildren(...bookings.map((b) => bookingItem(b, past)));
}

function bookingItem(booking, past) {
  const zone = config.timeZone;
  const type = config.eventTypes?.[booking.eventType];
  const time = el("time", { dateTime: booking.start, text: `${formatDateLong(booking.start, zone)}, ${formatTime(booking.start, zone)} – ${formatTime(booking.end, zone)}` });
  const item = el("li", { class: "booking-item", dataset: { id: booking.id, date: localDateOf(new Date(booking.start), zone) } },
    el("p", { class: "booking-when" }, time),
    el("p", { class: "muted small" },
      `${type?.title ?? booking.eventType} · ${booking.name} · `, el("a", { href: `mailto:${booking.email}`, text: booking.email })));
  if (booking.notes) item.append(el("p", { class: "small notes", text: booking.notes }));
  const itemStatus = el("p", { class: "status small", role: "status", "aria-live": "polite" });
  const actions = el("p", { class: "actions" });
  item.append(actions);

  if (past) {
    const noShow = el("button", { type: "button", class: "secondary", "aria-pressed": String(Boolean(booking.noShow)),
      text: booking.noShow ? "Undo no-show" : "Mark no-show", "aria-label": `${booking.noShow ? "Undo no-show" : "Mark no-show"}: ${booking.name}` });
    if (booking.noShow) item.append(el("span", { class: "badge cancelled", text: "No-show" }));
    noShow.addEventListener("click", async () => {
      if (noShow.disabled) return;
      noShow.disabled = true;
      setStatus(itemStatus, "Saving…");
      try {
        const updated = await admin(`/bookings/${seg(booking.id)}/no-show`, { method: booking.noShow ? "DELETE" : "POST" });
        const next = { ...booking, ...(updated ?? {}), noShow: updated?.noShow ?? !booking.noShow };
        const replacement = bookingItem(next, true);
        item.replaceWith(replacement);
        replacement.querySelector("button").focus();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setStatus(itemStatus, error.message, true);
        noShow.disabled = false;
      }
    });
    actions.append(noShow);
  }

  const cancel = el("button", { type: "button", class: "secondary", text: "Cancel", "aria-expanded": "false", "aria-label": `Cancel booking: ${booking.name}` });
  actions.append(cancel);
  const reasonId = `reason-${booking.id}`;
  const reason = el("input", { id: reasonId, type: "text", maxlength: "500", autocomplete: "off" });
  const confirm = el("button", { type: "submit", class: "danger", text: "Cancel booking" });
  const keep = el("button", { type: "button", class: "secondary", text: "Keep booking" });
  const form = el("form", { class: "cancel-inline", hidden: true, novalidate: true },
    el("div", { class: "field" }, el("label", { for: reasonId, text: "Reason (sent to the client)" }), reason),
    el("p", { class: "actions" }, confirm, keep));
  item.append(form, itemStatus);

  cancel.addEventListener("click", () => {
    form.hidden = false;
    cancel.setAttribute("aria-expanded", "true");
    reason.focus();
  });
  keep.addEventListener("click", () => {
    form.hidden = true;
    cancel.setAttribute("aria-expanded", "false");
    cancel.focus();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") keep.click();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (confirm.disabled) return;
    confirm.disabled = true;
    setStatus(itemStatus, "Cancelling…");
    try {
      const text = reason.value.trim();
      await admin(`/bookings/${seg(booking.id)}/cancel`, { method: "POST", body: text ? { reason: text } : {} });
      await loadBookings();
      setStatus($("bookings-status"), `Cancelled: ${booking.name}, ${formatDateLong(booking.start, config.timeZone)} ${formatTime(booking.start, config.timeZone)}.`);
      $("bookings-heading").focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(itemStatus, `Not cancelled: ${error.message}`, true);
      confirm.disabled = false;
    }
  });
  return item;
}

// ---- analytics -------------------------------------------------------------------------------

function resetAnalyticsRange() {
  const today = todayIn(config.timeZone);
  $("analytics-from").value = addDays(today, -(ANALYTICS_DAYS - 1));
  $("analytics-to").value = today;
  $("analytics-zone").textContent = config.timeZone;
}

/** Every "YYYY-MM-DD" from start to end inclusive (bounded by the API's maximum range). */
function datesBetween(start, end) {
  const dates = [];
  for (let d = start; d <= end && dates.length < ANALYTICS_MAX_DAYS; d = addDays(d, 1)) dates.push(d);
  return dates;
}

const percent = (rate) => `${Math.round((Number(rate) || 0) * 1000) / 10}%`;

function formatLeadTime(minutes) {
  if (minutes === null || minutes === undefined) return "—";
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

function formatMoney(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

function totalItem(key, label, value) {
  return el("div", { class: "total", dataset: { total: key } }, el("dt", { text: label }), el("dd", { text: String(value) }));
}

function renderAnalytics(data) {
  const totals = data?.totals ?? {};
  const days = data?.days ?? [];
  const revenue = Object.entries(totals.revenue ?? {});
  $("analytics-totals").replaceChildren(
    totalItem("booked", "Booked", totals.booked ?? 0),
    totalItem("cancelled", "Cancelled", totals.cancelled ?? 0),
    totalItem("noShows", "No-shows", totals.noShows ?? 0),
    totalItem("completed", "Completed", totals.completed ?? 0),
    totalItem("cancellationRate", "Cancellation rate", percent(totals.cancellationRate)),
    totalItem("noShowRate", "No-show rate", percent(totals.noShowRate)),
    totalItem("leadTime", "Median lead time", formatLeadTime(totals.medianLeadTimeMinutes)),
    totalItem("revenue", "Revenue", revenue.length ? revenue.map(([c, a]) => formatMoney(a, c)).join(", ") : "—"));

  if ((totals.booked ?? 0) === 0 && days.length === 0) {
    $("analytics-charts").replaceChildren(el("p", { class: "muted empty", id: "analytics-empty", text: "No bookings in this date range yet." }));
    return;
  }

  const perDay = new Map();
  for (const row of days) perDay.set(row.date, (perDay.get(row.date) ?? 0) + (row.booked ?? 0));
  const points = datesBetween(data.start, data.end).map((date) => ({ date, value: perDay.get(date) ?? 0 }));

  const bookingsChart = dailyBarChart({
    id: "bookings-per-day", title: "Bookings per day", points, unit: "bookings",
    emptyText: "No bookings in this date range.",
  });
  const ratesChart = horizontalBarChart({
    id: "rates", title: "Cancellation and no-show rates", max: 1,
    emptyText: "No bookings in this date range.",
    rows: [
      { key: "cancellation", label: "Cancellation rate", value: Number(totals.cancellationRate) || 0, display: percent(totals.cancellationRate), className: "bar-cancel" },
      { key: "no-show", label: "No-show rate", value: Number(totals.noShowRate) || 0, display: percent(totals.noShowRate), className: "bar-noshow" },
    ],
  });
  const revenueChart = horizontalBarChart({
    id: "revenue", title: "Revenue per currency",
    emptyText: "No revenue in this date range.",
    rows: revenue.map(([currency, amount]) => ({ key: currency, label: currency, value: Number(amount), dataValue: amount, display: formatMoney(amount, currency), className: "bar-revenue" })),
  });
  $("analytics-charts").replaceChildren(bookingsChart, ratesChart, revenueChart);
}

async function loadAnalytics() {
  const form = $("analytics-form");
  const status = $("analytics-status");
  const start = $("analytics-from").value;
  const end = $("analytics-to").value;
  clearErrors(form, $("analytics-errors"));
  if (!start || !end || end < start) {
    const input = !start ? $("analytics-from") : $("analytics-to");
    input.setAttribute("aria-invalid", "true");
    setStatus(status, !start || !end ? "Choose both dates." : "The end date must not be before the start date.", true);
    input.focus();
    return;
  }
  $("analytics-body").setAttribute("aria-busy", "true");
  setStatus(status, "Loading analytics…");
  try {
    const data = await admin(`/analytics?start=${seg(start)}&end=${seg(end)}`);
    renderAnalytics(data);
    setStatus(status, "");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const count = showErrors(form, $("analytics-errors"), error);
    setStatus(status, count ? "Please correct the dates." : `Could not load analytics: ${error.message}`, true);
  } finally {
    $("analytics-body").setAttribute("aria-busy", "false");
  }
}

$("analytics-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = $("analytics-show");
  if (button.disabled) return;
  button.disabled = true;
  try {
    await loadAnalytics();
  } finally {
    button.disabled = false;
  }
});

// ---- start -----------------------------------------------------------------------------------

async function main() {
  if (!host) {
    setStatus($("page-status"), "This dashboard link is incomplete.", true);
    return;
  }
  const stored = readKey();
  if (stored) {
    setStatus($("page-status"), "Loading…");
    const ok = await signIn(stored, { fromStorage: true });
    setStatus($("page-status"), "");
    if (ok) return;
  }
  showSignIn();
  $("api-key").focus();
}

main().catch((error) => setStatus($("page-status"), `Something went wrong: ${error.message}`, true));
