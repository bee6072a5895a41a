"""Plotly figures for the explorer, built as plain dicts (no plotly import needed).

The page embeds a figure as JSON in ``<script type="application/json">`` and
``static/explorer.js`` draws it with the Plotly JavaScript served from the installed
``plotly`` package, so charts work offline.
"""

from __future__ import annotations

import math
from typing import Any

from .data import QUAD_CLASSES

#: Colour of each quad class: cooperation blue/green, conflict orange/red.
QUAD_COLOURS: dict[str, str] = {
    "verbal_cooperation": "#4e79a7", "material_cooperation": "#59a14f",
    "verbal_conflict": "#f28e2b", "material_conflict": "#e15759",
}


def _label(quad: str) -> str:
    return quad.replace("_", " ")


def timeline_figure(series: dict[str, Any]) -> dict[str, Any]:
    """Return a stacked bar chart of a dyad's counts per period and quad class.

    Args:
        series: the result of :func:`tidings.serve.data.dyad_series`.

    Returns:
        A Plotly figure ``{"data": [4 bar traces], "layout": {...}}``.
    """
    data = [{"type": "bar", "name": _label(q), "x": series["periods"],
             "y": series["series"][q], "marker": {"color": QUAD_COLOURS[q]},
             "hovertemplate": "%{x}: %{y} " + _label(q) + "<extra></extra>"}
            for q in QUAD_CLASSES]
    unit = {"day": "Day", "week": "Week (from Monday)", "month": "Month"}[series["period"]]
    layout = {
        "barmode": "stack", "height": 360, "margin": {"l": 50, "r": 20, "t": 40, "b": 50},
        "title": {"text": f"{series['actor_country']} \u2192 {series['recipient_country']}:"
                          f" events per {series['period']}"},
        "xaxis": {"title": {"text": unit}, "type": "date"},
        "yaxis": {"title": {"text": "events"}, "rangemode": "tozero", "dtick": 1
                  if max([0] + [sum(v) for v in zip(*series["series"].values())]) <= 10
                  else None},
        "legend": {"orientation": "h", "y": -0.25},
    }
    return {"data": data, "layout": layout}


def network_figure(net: dict[str, Any]) -> dict[str, Any]:
    """Return a directed actor network on a circle: nodes sized by events, arrows
    coloured by each edge's most frequent quad class.

    Args:
        net: the result of :func:`tidings.serve.data.network`.

    Returns:
        A Plotly figure dict (scatter traces for nodes and edge midpoints, arrow
        annotations for edges).
    """
    nodes = net["nodes"]
    n = max(len(nodes), 1)
    pos = {node["id"]: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
           for i, node in enumerate(nodes)}
    annotations = []
    mids: dict[str, dict[str, list[Any]]] = {q: {"x": [], "y": [], "text": []}
                                             for q in QUAD_CLASSES}
    top = max([e["n"] for e in net["edges"]] + [1])
    for e in net["edges"]:
        if e["source"] == e["target"]:
            continue  # a self-loop shows in the node's hover text
        (x0, y0), (x1, y1) = pos[e["source"]], pos[e["target"]]
        annotations.append({
            "x": x1, "y": y1, "ax": x0, "ay": y0, "xref": "x", "yref": "y",
            "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": 2,
            "arrowsize": 1, "standoff": 10, "startstandoff": 6,
            "arrowwidth": 1 + 3 * e["n"] / top, "arrowcolor": QUAD_COLOURS[e["quad_class"]],
            "opacity": 0.75, "text": ""})
        m = mids[e["quad_class"]]
        m["x"].append((x0 + x1) / 2)
        m["y"].append((y0 + y1) / 2)
        m["text"].append(f"{e['source']} \u2192 {e['target']}: {e['n']} events<br>" +
                         "<br>".join(f"{_label(q)}: {c}" for q, c in e["by_quad"].items()
                                     if c))
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "markers", "name": _label(q), "x": m["x"],
         "y": m["y"], "text": m["text"], "hoverinfo": "text",
         "marker": {"size": 8, "color": QUAD_COLOURS[q], "symbol": "diamond"}}
        for q, m in mids.items()]
    loops = {e["source"]: e["n"] for e in net["edges"] if e["source"] == e["target"]}
    data.append({
        "type": "scatter", "mode": "markers+text", "name": "actors",
        "x": [pos[v["id"]][0] for v in nodes], "y": [pos[v["id"]][1] for v in nodes],
        "text": [v["id"] for v in nodes], "textposition": "top center",
        "customdata": [v["id"] for v in nodes],
        "hovertext": [f"{v['label']} ({v['id']})<br>acts: {v['out']} events<br>"
                      f"is acted on: {v['in']} events" +
                      (f"<br>on itself: {loops[v['id']]}" if v["id"] in loops else "")
                      for v in nodes],
        "hoverinfo": "text", "showlegend": False,
        "marker": {"size": [10 + 4 * math.sqrt(v["out"] + v["in"]) for v in nodes],
                   "color": ["#76b7b2" if v["kind"] == "country" else "#b07aa1"
                             for v in nodes],
                   "line": {"width": 1, "color": "#333"}}})
    axis = {"visible": False, "range": [-1.3, 1.3]}
    layout = {"height": 640, "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
              "title": {"text": "Who acts on whom (arrow: actor \u2192 recipient)"},
              "xaxis": axis, "yaxis": {**axis, "scaleanchor": "x"},
              "annotations": annotations, "hovermode": "closest",
              "legend": {"orientation": "h"}}
    return {"data": data, "layout": layout}
