"""Server-rendered SVG bar charts: no JavaScript and no style attributes (the CSP forbids inline styles;
SVG presentation attributes such as fill= are allowed). The tables on the page are the text alternative."""
import math

from markupsafe import Markup, escape

BAR, GAP, PLOT_HEIGHT = 10, 14, 180
LEFT, TOP, RIGHT = 44, 34, 12
CHAR_DROP, MAX_BOTTOM = 5, 140  # room below the plot for labels turned 40 degrees
LEGEND_ITEM = 170  # room for one legend entry; the chart is never narrower than its legend
TICKS = 4
COLOURS = ("#1f5fa5", "#c25400", "#2e7d32")  # contrast >= 4.5:1 against white


def grouped_bars(label, groups, series):
    """One group of bars per (axis label, full label, {key: value}); `series` is [(key, legend label)].

    role="img" with `label` as its aria-label; every bar has a <title> with its exact number.
    """
    top = _scale_top(max((values[key] for _a, _f, values in groups for key, _l in series), default=0))
    group_width = len(series) * BAR + GAP
    width = max(LEFT + max(1, len(groups)) * group_width, LEFT + len(series) * LEGEND_ITEM) + RIGHT
    height = TOP + PLOT_HEIGHT + min(MAX_BOTTOM, 24 + CHAR_DROP * max((len(g[0]) for g in groups), default=0))
    # Drawn in x/y, time running to the right: direction="ltr" keeps text-anchor's start on the left on an Arabic
    # page too (else the legend's words grow leftwards over their swatch and off the chart); Arabic words still read
    # right to left.
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="bk-chart" role="img" aria-label="{escape(label)}" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-size="11" '
             f'font-family="sans-serif" direction="ltr">', f"<title>{escape(label)}</title>"]
    parts += _grid(top, width)
    parts += _legend(series)
    for index, (axis_label, full_label, values) in enumerate(groups):
        x = LEFT + index * group_width + GAP / 2
        parts += [_bar(x + n * BAR, values[key], top, colour, f"{full_label} – {legend}: {values[key]}")
                  for n, ((key, legend), colour) in enumerate(zip(series, COLOURS))]
        parts.append(_axis_label(x + len(series) * BAR / 2, axis_label))
    parts.append("</svg>")
    return Markup("".join(parts))


def _scale_top(highest):
    """A round top for the axis: a multiple of TICKS, at least TICKS."""
    return max(1, math.ceil(highest / TICKS)) * TICKS


def _y(value, top):
    return TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top


def _grid(top, width):
    lines = []
    for tick in range(0, top + 1, top // TICKS):
        y = _y(tick, top)
        lines.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#cccccc"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333333">{tick}</text>')
    return lines


def _legend(series):
    items = []
    for n, ((_key, legend), colour) in enumerate(zip(series, COLOURS)):
        x = LEFT + n * LEGEND_ITEM
        items.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="18" fill="#222222">{escape(legend)}</text>')
    return items


def _bar(x, value, top, colour, title):
    y = _y(value, top)
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{BAR - 1}" height="{TOP + PLOT_HEIGHT - y:.1f}" '
            f'fill="{colour}"><title>{escape(title)}</title></rect>')


def _axis_label(x, text):
    y = TOP + PLOT_HEIGHT + 14
    return (f'<text x="{x:.1f}" y="{y}" text-anchor="end" fill="#222222" '
            f'transform="rotate(-40 {x:.1f} {y})">{escape(text)}</text>')
