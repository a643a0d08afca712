/*
 * The styled tooltip of the server-rendered charts (components/charts/server-chart.tsx).
 * The public pages ship no framework JavaScript (ADR 012); this file is all
 * the script an indicator page runs. Pointing at a point of a chart
 * (an element with data-tip inside [data-chart-frame]) shows its label above
 * it; without this script the browser shows the same label from the point's
 * SVG <title>. The tooltip is aria-hidden: the chart's text alternative and
 * its data table carry the same numbers.
 */
(function () {
  "use strict";
  var CLASSES =
    "pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full rounded border border-slate-300 bg-white px-2 py-1 text-sm whitespace-nowrap text-slate-900 shadow";
  var tip = null;

  function hide() {
    if (tip) tip.remove();
    tip = null;
  }

  document.addEventListener("pointerover", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-tip]") : null;
    var frame = target ? target.closest("[data-chart-frame]") : null;
    if (!target || !frame) return hide();
    if (!tip || tip.parentElement !== frame) {
      hide();
      tip = document.createElement("div");
      tip.setAttribute("aria-hidden", "true");
      tip.setAttribute("data-tooltip", "");
      tip.className = CLASSES;
      frame.appendChild(tip);
    }
    var box = frame.getBoundingClientRect();
    var point = target.getBoundingClientRect();
    tip.textContent = target.getAttribute("data-tip") || "";
    tip.style.left = point.left + point.width / 2 - box.left + "px";
    tip.style.top = point.top - box.top - 6 + "px";
  });

  document.addEventListener("pointerout", function (event) {
    var frame = event.target instanceof Element ? event.target.closest("[data-chart-frame]") : null;
    if (frame && !(event.relatedTarget instanceof Node && frame.contains(event.relatedTarget))) hide();
  });
})();
