/*
 * The public pages are the same cached HTML for everyone (ADR 012), so they
 * cannot be rendered for a signed-in user. This file, loaded by every public
 * page (components/public/public-shell.tsx), asks next-auth for the session
 * and, for a signed-in user, turns the header's staff-area link into
 * "Đã đăng nhập: <name> — khu vực làm việc" (the text comes from the page, in
 * its language). Without JavaScript, or signed out, the link stays as it is:
 * it leads to the sign-in page, or for a signed-in user to their work.
 */
(function () {
  "use strict";
  var link = document.querySelector("[data-staff-link]");
  if (!link || !window.fetch) return;
  fetch("/api/auth/session", { credentials: "same-origin", headers: { accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (session) {
      var name = session && session.user && session.user.name;
      if (typeof name !== "string" || name.length === 0) return;
      var template = link.getAttribute("data-signed-in-text") || "";
      link.textContent = template.replace("{name}", name);
      link.setAttribute("data-signed-in", "");
    })
    .catch(function () {
      /* Signed-in state is a convenience: the link works either way. */
    });
})();
