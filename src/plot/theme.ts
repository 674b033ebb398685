import type { Layout, LayoutAxis } from "plotly.js";

/**
 * The course palette: Okabe–Ito, distinguishable under the common colour-vision deficiencies.
 * @see Okabe & Ito (2008), "Color Universal Design", https://jfly.uni-koeln.de/color/
 */
export const plotColorway: readonly string[] = deepFreeze([
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#F0E442",
  "#000000",
]);

/** Neutral grey of reference lines (slopes, exact values). */
export const plotReferenceColor = "#7f7f7f";

/** The axis style applied to every `xaxis*` and `yaxis*` of a themed figure. */
export const plotAxisTheme: Readonly<Partial<LayoutAxis>> = deepFreeze({
  showline: true,
  linecolor: "#444444",
  linewidth: 1,
  ticks: "outside",
  tickcolor: "#444444",
  showgrid: true,
  gridcolor: "#e8e8e8",
  zeroline: false,
  automargin: true,
});

/** The one layout theme every course figure starts from (fonts, colours, margins, legend); frozen. */
export const plotTheme: Readonly<Partial<Layout>> = deepFreeze({
  font: {
    family: "Source Sans Pro, Helvetica Neue, Arial, sans-serif",
    size: 14,
    color: "#222222",
  },
  colorway: [...plotColorway],
  paper_bgcolor: "#ffffff",
  plot_bgcolor: "#ffffff",
  margin: { l: 64, r: 24, t: 56, b: 56 },
  height: 420,
  autosize: true,
  hovermode: "closest",
  showlegend: true,
  legend: { bgcolor: "rgba(255,255,255,0.8)", borderwidth: 0, x: 1, xanchor: "right", y: 1 },
  title: { x: 0.02, xanchor: "left", font: { size: 17 } },
  xaxis: { ...plotAxisTheme },
  yaxis: { ...plotAxisTheme },
});

/** Freezes a theme object and everything inside it, so no notebook can restyle it by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
