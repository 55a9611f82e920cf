// @ts-check
// Time zones: the visitor's own (by its current name), the list to choose from with each zone's offset and
// current time, and how a zone's name is shown.
import { formatTime } from "./format.js";

const COMMON_ZONES = [
  "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
  "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
  "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi",
  "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore",
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Adelaide",
  "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
  "America/Denver", "America/Phoenix", "America/Chicago", "America/Mexico_City", "America/New_York",
  "America/Toronto", "America/Bogota", "America/Lima", "America/Santiago", "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires", "America/Halifax", "America/St_Johns",
];

/** Old names browsers still report (ICU keeps them), mapped to the names the tz database uses now. */
const CURRENT_NAMES = /** @type {Record<string, string>} */ ({
  "Asia/Calcutta": "Asia/Kolkata",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ujung_Pandang": "Asia/Makassar",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Asia/Macao": "Asia/Macau",
  "Asia/Chongqing": "Asia/Shanghai",
  "Asia/Harbin": "Asia/Shanghai",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Johnston": "Pacific/Honolulu",
  "Africa/Asmera": "Africa/Asmara",
  "Etc/UTC": "UTC",
  "Etc/GMT": "UTC",
});

/** The current name of a zone (Asia/Calcutta → Asia/Kolkata). @param {string} zone */
export const currentZoneName = (zone) => CURRENT_NAMES[zone] ?? zone;

/** The browser's zone by its current name, or UTC. */
export function detectTimeZone() {
  try {
    return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  } catch {
    return "UTC";
  }
}

/** A zone's name for people: "America/New York". @param {string} zone */
export const zoneLabel = (zone) => zone.replaceAll("_", " ");

/** "GMT+05:30" now in the zone ("GMT" for UTC). @param {string} zone @param {Date} now */
function offsetOf(zone, now) {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(now).find((part) => part.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** Minutes east of UTC from "GMT+05:30". @param {string} offset */
function offsetMinutes(offset) {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * Every zone the browser knows (or a common list) by current name, always including the given ones and UTC.
 * @param {...string} include
 */
export function timeZoneChoices(...include) {
  let zones = COMMON_ZONES;
  if (typeof Intl.supportedValuesOf === "function") {
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch {
      zones = COMMON_ZONES;
    }
  }
  const all = new Set(zones.map(currentZoneName));
  for (const zone of include) if (zone) all.add(currentZoneName(zone));
  all.add("UTC");
  return [...all];
}

/**
 * Fills a <select> with zones, west to east, each as "(GMT+05:30) Asia/Kolkata · 14:05", and selects `selected`.
 * Each option keeps its search text in `data-search`.
 * @param {HTMLSelectElement} select
 * @param {string} selected
 * @param {import("./format.js").HourCycle} [hourCycle]
 */
export function fillZoneSelect(select, selected, hourCycle) {
  const now = new Date();
  const iso = now.toISOString();
  const zones = timeZoneChoices(selected).map((zone) => ({ zone, offset: offsetOf(zone, now) }))
    .sort((a, b) => offsetMinutes(a.offset) - offsetMinutes(b.offset) || a.zone.localeCompare(b.zone));
  select.replaceChildren(...zones.map(({ zone, offset }) => {
    const option = document.createElement("option");
    option.value = zone;
    let time;
    try {
      time = formatTime(iso, zone, hourCycle);
    } catch {
      time = "";
    }
    option.textContent = `(${offset || "GMT"}) ${zoneLabel(zone)}${time ? ` · ${time}` : ""}`;
    option.dataset.search = `${zone} ${zoneLabel(zone)} ${offset}`.toLowerCase();
    option.selected = zone === currentZoneName(selected);
    return option;
  }));
}
