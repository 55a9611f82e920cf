// @ts-check
// An inline form under a row, opened by the row's button (aria-expanded follows it) and closed by its
// secondary button or Escape, focus going back to the opener.

/**
 * @param {HTMLButtonElement} opener @param {HTMLFormElement} form @param {HTMLButtonElement} close
 * @param {HTMLElement} focusOnOpen @param {() => void} [onOpen] runs as the form opens (e.g. to load choices)
 */
export function wireInlineForm(opener, form, close, focusOnOpen, onOpen) {
  opener.addEventListener("click", () => {
    form.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    focusOnOpen.focus();
    onOpen?.();
  });
  close.addEventListener("click", () => {
    form.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close.click();
  });
}
