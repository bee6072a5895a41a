// Draw the Plotly figures a page embeds as JSON (<script type="application/json">).
// plotly.min.js is served by tidings from the installed plotly package: no CDN.
(function () {
  "use strict";
  if (typeof Plotly === "undefined") { return; }
  var charts = document.querySelectorAll("[data-figure]");
  Array.prototype.forEach.call(charts, function (el) {
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) { return; }
    var fig = JSON.parse(source.textContent);
    Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false })
      .then(function () {
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
