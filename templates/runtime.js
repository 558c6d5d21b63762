/* global document, window */
// The report's only script, inlined once. Charts are static SVG rendered at build time; this adds
// tooltips over their marks (vega writes each mark's values into its aria-label) and a "show all code"
// switch. Marks are not tab stops: a chart is one image to assistive technology (role="img" with a
// title and description), and tabbing through hundreds of marks would bury the page. Nothing here
// loads anything.
(function () {
  "use strict";
  var tooltip = document.querySelector(".chart-tooltip");

  function show(mark, x, y) {
    var label = mark.getAttribute("aria-label");
    if (!tooltip || !label) return;
    tooltip.textContent = "";
    label.split("; ").forEach(function (pair) {
      var row = document.createElement("div");
      var at = pair.indexOf(": ");
      if (at > 0) {
        var key = document.createElement("span");
        key.className = "key";
        key.textContent = pair.slice(0, at);
        row.appendChild(key);
        // vega writes each value with its encoding's title and format; an inlined image's data: URI
        // (image marks) would fill the tooltip with base64, so it is named instead.
        var value = pair.slice(at + 2);
        row.appendChild(document.createTextNode(value.indexOf("data:") === 0 ? "(image)" : value));
      } else {
        row.textContent = pair;
      }
      tooltip.appendChild(row);
    });
    tooltip.hidden = false;
    var left = Math.min(x + 14, window.innerWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = left + window.scrollX + "px";
    tooltip.style.top = y + 14 + window.scrollY + "px";
  }

  function hide() {
    if (tooltip) tooltip.hidden = true;
  }

  document.querySelectorAll("figure.chart").forEach(function (figure) {
    var marks = figure.querySelectorAll('svg .role-mark > [role="graphics-symbol"][aria-label]');
    marks.forEach(function (mark) {
      mark.classList.add("chart-mark");
      mark.addEventListener("mousemove", function (event) { show(mark, event.clientX, event.clientY); });
      mark.addEventListener("mouseleave", hide);
    });
    figure.setAttribute("data-interactive", marks.length > 0 ? "tooltips" : "static");
  });

  var toggle = document.querySelector(".code-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(open));
      toggle.textContent = open ? "Hide all code" : "Show all code";
      document.querySelectorAll("details.cell-source").forEach(function (details) { details.open = open; });
    });
  }
  // A table wider than its box scrolls sideways in it: only then is the box a tab stop (keyboard users
  // can scroll it with the arrow keys), a named region, and shaded at its edge to show there is more.
  function markScrollingTables() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("scrolls", scrolls);
      if (scrolls) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  markScrollingTables();
  window.addEventListener("resize", markScrollingTables);
  // A chart's data table is laid out only once its <details> opens (closed, it has no width): its box
  // is measured then. The toggle event does not bubble, so it is caught on its way down.
  document.addEventListener("toggle", markScrollingTables, true);
  document.documentElement.setAttribute("data-runtime", "ready");
})();
