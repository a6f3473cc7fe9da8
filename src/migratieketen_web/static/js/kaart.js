// SPDX-License-Identifier: EUPL-1.2
// Copyright (C) 2026 Migratieketen contributors
//
// Progressive enhancement for the national map; the page works without it.
// Shows the name and value of the hovered or focused area in a tooltip.
// The indicator form is deliberately NOT submitted on change: a new page on every
// arrow key in the list would break WCAG 3.2.2 (On Input); the "Toon" button does it.
(function () {
  "use strict";
  var figure = document.querySelector(".mk-map");
  if (!figure) {
    return;
  }
  var tip = document.createElement("div");
  tip.className = "mk-tooltip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  figure.appendChild(tip);

  function show(area, x, y) {
    tip.textContent = area.getAttribute("aria-label");
    tip.hidden = false;
    var box = figure.getBoundingClientRect();
    tip.style.left = Math.min(x - box.left + 12, box.width - tip.offsetWidth) + "px";
    tip.style.top = y - box.top + 12 + "px";
  }
  function hide() {
    tip.hidden = true;
  }
  figure.addEventListener("mousemove", function (event) {
    var area = event.target.closest(".mk-area");
    if (area) {
      show(area, event.clientX, event.clientY);
    } else {
      hide();
    }
  });
  figure.addEventListener("mouseleave", hide);
  figure.addEventListener("focusin", function (event) {
    var area = event.target.closest(".mk-area");
    if (area) {
      var r = area.getBoundingClientRect();
      show(area, r.left + r.width / 2, r.top + r.height / 2);
    }
  });
  figure.addEventListener("focusout", hide);
})();
