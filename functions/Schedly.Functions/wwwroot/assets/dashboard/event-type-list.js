// @ts-check
// The host's event types, each with its state and an Edit button.
import { byId, el } from "../lib/dom.js";
import { configOf } from "./context.js";

/**
 * @param {import("./context.js").DashboardContext} ctx
 * @param {(slug: string) => void} onEdit
 */
export function renderTypeList(ctx, onEdit) {
  const list = byId("type-list");
  const entries = Object.entries(configOf(ctx).eventTypes ?? {});
  if (entries.length === 0) {
    list.replaceChildren(el("li", { class: "muted", text: "No event types yet." }));
    return;
  }
  list.replaceChildren(...entries.map(([slug, type]) => {
    const edit = el("button", { type: "button", class: "secondary", text: "Edit", "aria-label": `Edit ${type.title ?? slug}` });
    edit.addEventListener("click", () => onEdit(slug));
    const inactive = type.active === false;
    const badge = el("span", { class: `badge ${inactive ? "cancelled" : "confirmed"}`, text: inactive ? "Inactive" : "Active" });
    return el("li", { class: "type-row", dataset: { slug } },
      el("div", {},
        el("strong", { text: type.title ?? slug }), " ", badge,
        el("p", { class: "muted small", text: `/${slug} · ${type.durationMinutes} min` })),
      edit);
  }));
}
