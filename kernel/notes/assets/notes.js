/* itolab lecture notes: draws the figures with the site's plotly.js (themed for light or dark),
 * the theme switch, and folding of all code cells. Works from file:// and over http. */
/* global document, window, localStorage */
(function () {
  "use strict";
  var root = document.documentElement;

  function theme() {
    return root.getAttribute("data-theme") === "dark" ? "dark" : "light";
  }

  /** The figure's layout for the dark theme: transparent paper, light text and axes. */
  function themedLayout(layout, mode) {
    var l = JSON.parse(JSON.stringify(layout || {}));
    if (mode !== "dark") return l;
    var fg = "#e3e6ea";
    l.paper_bgcolor = "rgba(0,0,0,0)";
    l.plot_bgcolor = "rgba(0,0,0,0)";
    l.font = Object.assign({}, l.font, { color: fg });
    if (l.title && typeof l.title === "object" && l.title.font) l.title.font.color = fg;
    l.legend = Object.assign({}, l.legend, { bgcolor: "rgba(22,24,29,0.8)" });
    Object.keys(l).forEach(function (k) {
      if (/^[xy]axis\d*$/.test(k)) {
        l[k] = Object.assign({}, l[k], {
          linecolor: "#9aa4af",
          tickcolor: "#9aa4af",
          gridcolor: "#343a43",
        });
      }
    });
    return l;
  }

  var figures = [];

  function draw(f, mode) {
    var fig = {
      data: f.fig.data,
      layout: themedLayout(f.fig.layout, mode),
      config: f.fig.config,
    };
    // animation frames (a live figure's particles): drawn with the figure, played by its buttons
    if (f.fig.frames) fig.frames = f.fig.frames;
    return window.Plotly.react(f.target, fig);
  }

  function drawAll() {
    var els = document.querySelectorAll("figure.plot");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var json = el.querySelector("script.plot-json");
      var target = el.querySelector(".plot-target");
      if (!window.Plotly || !json || !target) {
        el.classList.add("plot-failed");
        continue;
      }
      var f = { el: el, target: target, fig: JSON.parse(json.textContent) };
      figures.push(f);
      (function (f) {
        draw(f, theme()).then(
          function () {
            f.el.classList.add("drawn");
            f.target.style.height = "";
          },
          function (err) {
            f.el.classList.add("plot-failed");
            console.error("itolab notes: figure " + f.el.id + " was not drawn:", err);
          },
        );
      })(f);
    }
  }

  /** For the live figures (assets/live-*.js): draw `fig` into the page figure `el`, themed. */
  window.itolabNotes = {
    redraw: function (el, fig) {
      var f = figures.filter(function (g) {
        return g.el === el;
      })[0];
      if (!f)
        return Promise.reject(new Error("itolab notes: figure " + el.id + " was never drawn"));
      f.fig = fig;
      return draw(f, theme()).then(function () {
        f.el.classList.add("drawn", "live-drawn");
      });
    },
  };

  function redrawAll(mode) {
    figures.forEach(function (f) {
      if (f.el.classList.contains("drawn")) draw(f, mode);
    });
  }

  function setTheme(mode) {
    root.setAttribute("data-theme", mode);
    try {
      localStorage.setItem("itolab-theme", mode);
    } catch {
      /* storage may be unavailable from file:// */
    }
    updateButtons();
    redrawAll(mode);
  }

  var codeFolded = false;
  function foldCode(folded) {
    codeFolded = folded;
    var ds = document.querySelectorAll("details.source");
    for (var i = 0; i < ds.length; i++) ds[i].open = !folded;
    updateButtons();
  }

  function updateButtons() {
    var t = document.querySelector('[data-action="theme"]');
    if (t) t.textContent = theme() === "dark" ? "Light theme" : "Dark theme";
    var c = document.querySelector('[data-action="fold-code"]');
    if (c) {
      c.textContent = codeFolded ? "Show code" : "Fold code";
      c.setAttribute("aria-pressed", String(codeFolded));
    }
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-action]");
    if (!b) return;
    if (b.getAttribute("data-action") === "theme") setTheme(theme() === "dark" ? "light" : "dark");
    if (b.getAttribute("data-action") === "fold-code") foldCode(!codeFolded);
  });

  // Print in the light theme; figures without a static copy are redrawn light for the paper.
  window.addEventListener("beforeprint", function () {
    if (theme() === "dark") redrawAll("light");
  });
  window.addEventListener("afterprint", function () {
    if (theme() === "dark") redrawAll("dark");
  });

  updateButtons();
  drawAll();
})();
