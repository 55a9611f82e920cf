// @ts-check
// The host's photo: chosen with a file input and uploaded at once (PUT /api/admin/hosts/{host}/photo, the file's own
// bytes); the server decides whether it is a JPEG, PNG or WebP image under 2 MB and its answer is shown beside the
// input. The preview shows the photo as the booking page will.
import { ApiError } from "../lib/api.js";
import { byId, inputById, setStatus } from "../lib/dom.js";
import { configOf } from "./context.js";

const image = () => byId("profile-photo-image", HTMLImageElement);
const file = () => inputById("profile-photo-file");
const removeButton = () => byId("profile-photo-remove", HTMLButtonElement);
const status = () => byId("profile-photo-status");

/** Shows the uploaded photo, or none. @param {string | null} url */
export function showPhoto(url) {
  image().hidden = !url;
  if (url) {
    image().src = url;
    image().alt = "Your photo";
  } else {
    image().removeAttribute("src");
  }
  removeButton().hidden = !url;
  file().removeAttribute("aria-invalid");
  setStatus(status(), "");
}

/** @param {import("./context.js").DashboardContext} ctx @param {string | null} photoUrl @param {string} message */
async function reload(ctx, photoUrl, message) {
  ctx.config = await ctx.admin.config();
  showPhoto(configOf(ctx).photoUrl ?? photoUrl);
  setStatus(status(), message);
}

/** @param {import("./context.js").DashboardContext} ctx */
async function upload(ctx) {
  const chosen = file().files?.[0];
  if (!chosen) return;
  setStatus(status(), "Uploading…");
  try {
    const answer = await ctx.admin.putPhoto(chosen);
    file().value = "";
    await reload(ctx, answer.imageUrl, "Photo saved. It shows on your booking page.");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    file().setAttribute("aria-invalid", "true");
    const reason = error.fieldErrors.find(([field]) => field === "photo")?.[1] ?? error.message;
    setStatus(status(), `Not saved: ${reason}`, true);
    file().focus();
  }
}

/** @param {import("./context.js").DashboardContext} ctx */
export function setUpPhoto(ctx) {
  file().addEventListener("change", () => void upload(ctx));
  removeButton().addEventListener("click", async () => {
    setStatus(status(), "Removing…");
    try {
      await ctx.admin.deletePhoto();
      await reload(ctx, null, "Photo removed.");
      file().focus();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setStatus(status(), `Not removed: ${error.message}`, true);
    }
  });
}
