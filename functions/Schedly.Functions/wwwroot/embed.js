// @ts-check
// Schedly's embed script for a host's own website: <script src="https://<schedly>/embed.js" async></script>.
// No dependencies, nothing global but `window.Schedly`. Three ways to show a booking page:
//   <div data-schedly-inline data-url="https://<schedly>/book/ada/intro"></div>        inline, resized to its content
//   <button data-schedly-popup data-url="https://<schedly>/book/ada/intro">Book</button>   a popup over the page
//   <script src=".../embed.js" data-floating-url="https://<schedly>/book/ada/intro" data-floating-label="Book a call">
//                                                                                        a floating button opening the popup
// The frame shows only on sites the host allows (its embed allow-list sets the page's frame-ancestors). Events arrive as
// DOM events on the frame, bubbling to the document: schedly:loaded, schedly:timeSelected, schedly:booked,
// schedly:rescheduled, schedly:cancelled, each with `detail` = { version: 1, ...times and slugs } and never personal data.
// A message is accepted only from Schedly's origin, from one of these frames, in the versioned shape.
(() => {
  const VERSION = 1;
  const EVENTS = ["loaded", "timeSelected", "booked", "rescheduled", "cancelled"];
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const schedly = new URL(script?.src ?? location.href).origin;
  /** @type {Set<HTMLIFrameElement>} */
  const frames = new Set();
  /** How to close each popup's frame (Escape pressed inside the frame arrives as a "close" message). @type {Map<HTMLIFrameElement, () => void>} */
  const closers = new Map();

  /** The booking page's address with the embedding site's origin (where its events may go). @param {string} url */
  function frameSource(url) {
    const target = new URL(url, schedly);
    if (target.origin !== schedly) throw new Error(`Schedly embed: ${url} is not on ${schedly}.`);
    target.searchParams.set("embedOrigin", location.origin);
    return target.toString();
  }

  /** @param {string} url @param {string} title */
  function createFrame(url, title) {
    const frame = document.createElement("iframe");
    frame.src = frameSource(url);
    frame.title = title;
    frame.setAttribute("data-schedly-frame", "");
    Object.assign(frame.style, { width: "100%", height: "640px", border: "0", display: "block", colorScheme: "light" });
    frames.add(frame);
    return frame;
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== schedly) return;
    const frame = [...frames].find((candidate) => candidate.contentWindow === event.source);
    const message = event.data;
    if (!frame || !message || message.source !== "schedly" || message.version !== VERSION || typeof message.type !== "string") return;
    const data = typeof message.data === "object" && message.data ? message.data : {};
    if (message.type === "close") {
      closers.get(frame)?.();
      return;
    }
    if (message.type === "resize") {
      const height = Number(data.height);
      if (Number.isFinite(height)) frame.style.height = `${Math.min(Math.max(Math.ceil(height), 240), 4000)}px`;
      return;
    }
    if (!EVENTS.includes(message.type)) return;
    frame.dispatchEvent(new CustomEvent(`schedly:${message.type}`, { bubbles: true, detail: { ...data, version: VERSION } }));
  });

  /** Puts the booking page inside `container`. @param {Element} container @param {string} url */
  function inline(container, url) {
    const frame = createFrame(url, container.getAttribute("data-title") ?? "Book a time");
    container.replaceChildren(frame);
    return frame;
  }

  /** Opens the booking page over the site; Escape, the close button or a click outside closes it. @param {string} url */
  function popup(url) {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overlay = document.createElement("div");
    overlay.setAttribute("data-schedly-popup-overlay", "");
    Object.assign(overlay.style, {
      position: "fixed", inset: "0", background: "rgba(0,0,0,0.45)", zIndex: "2147483000",
      display: "flex", alignItems: "center", justifyContent: "center", padding: "16px",
    });
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", "Book a time");
    Object.assign(dialog.style, {
      position: "relative", background: "#fff", borderRadius: "10px", width: "min(960px, 100%)",
      maxHeight: "100%", overflow: "auto", boxShadow: "0 10px 40px rgba(0,0,0,0.3)",
    });
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    Object.assign(close.style, {
      position: "absolute", top: "4px", insetInlineEnd: "4px", width: "44px", height: "44px", border: "0",
      background: "transparent", fontSize: "28px", cursor: "pointer", zIndex: "1",
    });
    const frame = createFrame(url, "Book a time");
    dialog.append(close, frame);
    overlay.append(dialog);
    const shut = () => {
      frames.delete(frame);
      closers.delete(frame);
      overlay.remove();
      document.removeEventListener("keydown", onKey);
      opener?.focus();
    };
    /** @param {KeyboardEvent} event */
    const onKey = (event) => {
      if (event.key === "Escape") shut();
    };
    closers.set(frame, shut);
    close.addEventListener("click", shut);
    overlay.addEventListener("click", (event) => {
      if (event.target === overlay) shut();
    });
    document.addEventListener("keydown", onKey);
    document.body.append(overlay);
    close.focus();
    return { frame, close: shut };
  }

  /** A fixed button in the corner that opens the popup. @param {string} url @param {string} [label] */
  function floating(url, label = "Book a time") {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.setAttribute("data-schedly-floating", "");
    Object.assign(button.style, {
      position: "fixed", insetBlockEnd: "20px", insetInlineEnd: "20px", zIndex: "2147482999", minHeight: "48px",
      padding: "12px 20px", borderRadius: "999px", border: "0", background: "#1f5fbf", color: "#fff",
      font: "600 16px system-ui, sans-serif", boxShadow: "0 4px 16px rgba(0,0,0,0.25)", cursor: "pointer",
    });
    button.addEventListener("click", () => popup(url));
    document.body.append(button);
    return button;
  }

  function start() {
    for (const node of document.querySelectorAll("[data-schedly-inline][data-url]")) inline(node, node.getAttribute("data-url") ?? "");
    for (const node of document.querySelectorAll("[data-schedly-popup][data-url]")) {
      node.addEventListener("click", (event) => {
        event.preventDefault();
        popup(node.getAttribute("data-url") ?? "");
      });
    }
    const floatingUrl = script?.getAttribute("data-floating-url");
    if (floatingUrl) floating(floatingUrl, script?.getAttribute("data-floating-label") ?? undefined);
  }

  Object.assign(window, { Schedly: { version: VERSION, inline, popup, floating } });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
