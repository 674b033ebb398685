import { plotAxisTheme, plotColorway, plotReferenceColor, plotTheme } from "../../src/plot";

describe("theme", () => {
  test("the layout theme uses the Okabe–Ito palette and the axis theme on both axes", () => {
    // Okabe & Ito (2008): the eight colours of the colour-universal-design palette.
    expect(plotColorway).toEqual([
      "#0072B2",
      "#D55E00",
      "#009E73",
      "#CC79A7",
      "#E69F00",
      "#56B4E9",
      "#F0E442",
      "#000000",
    ]);
    expect(plotTheme.colorway).toEqual(plotColorway);
    expect(plotTheme.xaxis).toEqual(plotAxisTheme);
    expect(plotTheme.yaxis).toEqual(plotAxisTheme);
    expect(plotColorway).not.toContain(plotReferenceColor);
  });

  test("is deeply frozen, so a notebook cannot restyle every later figure by accident", () => {
    expect(Object.isFrozen(plotTheme)).toBe(true);
    expect(Object.isFrozen(plotTheme.font)).toBe(true);
    expect(Object.isFrozen(plotTheme.xaxis)).toBe(true);
    expect(Object.isFrozen(plotColorway)).toBe(true);
    expect(Object.isFrozen(plotAxisTheme)).toBe(true);
    expect(() => {
      (plotTheme.font as { size: number }).size = 30;
    }).toThrow(TypeError); // assignment to a frozen property throws in strict mode (ES modules)
  });
});
