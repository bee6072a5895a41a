// Draw the Plotly figures a page embeds as JSON (<script type="application/json">).
// plotly.min.js is served by tidings from the installed plotly package: no CDN.
(function () {
  "use strict";
  if (typeof Plotly === "undefined") { return; }

  // Hide the node labels that would overlap a label already shown, most connected
  // nodes first (the server sends them in that order). The server's layout keeps
  // labels apart on a page at least 1000 px wide; in a narrower window this keeps the
  // plot readable, and the hidden labels still show on hover.
  function declutter(el) {
    var traces = el.querySelectorAll(".scatterlayer .trace");
    if (!traces.length) { return; }
    var texts = traces[traces.length - 1].querySelectorAll(".textpoint text");
    var shown = [];
    Array.prototype.forEach.call(texts, function (t) {
      t.style.display = "";
      var b = t.getBoundingClientRect();
      var clash = shown.some(function (s) {
        return b.left < s.right && s.left < b.right && b.top < s.bottom && s.top < b.bottom;
      });
      if (clash) { t.style.display = "none"; } else { shown.push(b); }
    });
    el.setAttribute("data-hidden-labels", String(texts.length - shown.length));
  }

  var charts = document.querySelectorAll("[data-figure]");
  Array.prototype.forEach.call(charts, function (el) {
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) { return; }
    var fig = JSON.parse(source.textContent);
    Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false })
      .then(function () {
        if (el.hasAttribute("data-declutter")) {
          declutter(el);
          el.on("plotly_afterplot", function () { declutter(el); });
        }
        el.setAttribute("data-rendered", "true");
        var link = el.getAttribute("data-node-link");
        if (link) {
          el.on("plotly_click", function (ev) {
            var p = ev.points && ev.points[0];
            if (p && p.customdata) { window.location = link + encodeURIComponent(p.customdata); }
          });
        }
      });
  });
})();
