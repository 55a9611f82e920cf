// Time zones and formatting in the visitor's zone. Instants arrive as ISO UTC strings; local dates
// are "YYYY-MM-DD" strings, handled with plain calendar arithmetic (no zone involved).

const COMMON_ZONES = [
  "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
  "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
  "Europe/Istanbul", "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi",
  "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore",
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Adelaide",
  "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
  "America/Denver", "America/Phoenix", "America/Chicago", "America/Mexico_City", "America/New_York",
  "America/Toronto", "America/Bogota", "America/Lima", "America/Santiago", "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires", "America/Halifax", "America/St_Johns",
];

export function detectTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function isValidTimeZone(zone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows (or a common list), always including the detected/current ones. */
export function timeZoneChoices(...include) {
  let zones = COMMON_ZONES;
  if (typeof Intl.supportedValuesOf === "function") {
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch {
      zones = COMMON_ZONES;
    }
  }
  const all = new Set(zones);
  for (const zone of include) if (zone) all.add(zone);
  if (!all.has("UTC")) all.add("UTC");
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** Fills a <select> with zones and selects `selected`. */
export function fillZoneSelect(select, selected) {
  select.replaceChildren(...timeZoneChoices(selected).map((zone) => {
    const option = document.createElement("option");
    option.value = zone;
    option.textContent = zone.replaceAll("_", " ");
    option.selected = zone === selected;
    return option;
  }));
}

/** Today's date ("YYYY-MM-DD") in a zone. */
export function todayIn(zone) {
  return localDateOf(new Date(), zone);
}

export function localDateOf(instant, zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function formatTime(iso, zone) {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function formatDateLong(iso, zone) {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: "long", year: "numeric", month: "long", day: "numeric" })
    .format(new Date(iso));
}

/** "Monday 1 December 2026, 14:00 – 14:30" in the zone. */
export function formatRange(startIso, endIso, zone) {
  return `${formatDateLong(startIso, zone)}, ${formatTime(startIso, zone)} – ${formatTime(endIso, zone)}`;
}

/** A local date ("YYYY-MM-DD") formatted for people, e.g. "Friday 28 November". */
export function formatLocalDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatMonth(year, month) {
  return new Intl.DateTimeFormat(undefined, { timeZone: "UTC", month: "long", year: "numeric" })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}

export const pad = (n) => String(n).padStart(2, "0");

export const isoDate = (year, month, day) => `${year}-${pad(month)}-${pad(day)}`;

export const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day of week of a date, Monday = 0 … Sunday = 6. */
export const weekdayMondayFirst = (year, month, day) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;

export function addMonths(year, month, delta) {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function weekdayNames() {
  const format = new Intl.DateTimeFormat(undefined, { timeZone: "UTC", weekday: "short" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
