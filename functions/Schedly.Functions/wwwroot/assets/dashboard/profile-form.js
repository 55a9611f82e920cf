// @ts-check
// The host's profile: name, time zone (searched in a list of the tz database's current names), the locale of its
// pages and emails (the six catalog languages), bio, and photo (profile-photo.js). Saved with
// PUT /api/admin/hosts/{host}; the server checks every field and its errors land beside the inputs.
import { ApiError } from "../lib/api.js";
import { byId, el, inputById, setStatus } from "../lib/dom.js";
import { clearFieldErrors, focusFirstInvalid, showFieldErrors } from "../lib/field-errors.js";
import { timeZoneChoices, zoneLabel } from "../lib/zones.js";
import { announceConfigChange, configOf } from "./context.js";
import { setUpPhoto, showPhoto } from "./profile-photo.js";

const form = () => byId("profile-form", HTMLFormElement);
const locale = () => byId("profile-locale", HTMLSelectElement);
const bio = () => byId("profile-bio", HTMLTextAreaElement);

/** Fills the form from the configuration. @param {import("./context.js").DashboardContext} ctx */
export function renderProfile(ctx) {
  const config = configOf(ctx);
  inputById("profile-name").value = config.name;
  inputById("profile-zone").value = config.timeZone;
  byId("profile-zones").replaceChildren(...timeZoneChoices(config.timeZone).sort()
    .map((zone) => el("option", { value: zone, text: zoneLabel(zone) })));
  const language = config.locale ?? "en";
  // A locale the list does not offer (set through the API, e.g. "en-GB") stays selectable as it is.
  if (![...locale().options].some((o) => o.value === language)) locale().append(el("option", { value: language, text: language }));
  locale().value = language;
  bio().value = config.bio ?? "";
  showPhoto(config.photoUrl ?? null);
  clearFieldErrors(form(), byId("profile-errors"));
}

/** The profile as typed, over the stored one (fields the form does not show are sent back as they are). @param {import("./context.js").DashboardContext} ctx */
function collectProfile(ctx) {
  const config = configOf(ctx);
  return {
    name: inputById("profile-name").value.trim(),
    email: config.email,
    timeZone: inputById("profile-zone").value.trim(),
    locale: locale().value,
    bio: bio().value,
    // An uploaded photo is kept apart from the profile; imageUrl is then the photo's path, which is not sent back.
    imageUrl: config.photoUrl ? null : (config.imageUrl ?? null),
    retentionDays: config.retentionDays ?? null,
    embedOrigins: config.embedOrigins ?? [],
  };
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpProfile(ctx) {
  setUpPhoto(ctx);
  form().addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("save-profile", HTMLButtonElement);
    if (button.disabled) return;
    button.disabled = true;
    const status = byId("profile-status");
    const errors = byId("profile-errors");
    clearFieldErrors(form(), errors);
    setStatus(status, "Saving…");
    try {
      await ctx.admin.putProfile(collectProfile(ctx));
      ctx.config = await ctx.admin.config();
      const config = configOf(ctx);
      renderProfile(ctx);
      byId("subtitle").textContent = `${config.name} · ${config.timeZone}`;
      byId("hours-zone").textContent = config.timeZone;
      announceConfigChange();
      setStatus(status, "Profile saved.");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const count = showFieldErrors(form(), errors, error.fieldErrors);
      setStatus(status, count ? "Please correct the fields marked below." : `Not saved: ${error.message}`, true);
      focusFirstInvalid(form());
    } finally {
      button.disabled = false;
    }
  });
}
