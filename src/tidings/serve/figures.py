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
    unit = {"day": "Day", "week": "Week (from Monday)", "month": "Month", "year": "Year"}[series["period"]]
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


#: The network is laid out on a canvas of this many pixels (the plot area's height is
#: exact; its width is the page's, at least this wide on a desktop window).
CANVAS_W, CANVAS_H = 1000.0, 560.0
#: Pixels per character of a node label (Plotly's 12 px font), and the label height.
CHAR_W, LABEL_H = 7.5, 15.0
#: Pull of every node towards the middle (nodes linked to no other drift out without it).
GRAVITY = 0.12
#: Ideal distance between linked nodes, as a share of sqrt(canvas area / nodes).
SPREAD = 0.55
#: Pixels kept free between two nodes' boxes.
GAP = 3.0


def node_size(events: int) -> float:
    """Marker diameter in pixels for a node with this many events (capped at 44)."""
    return min(10 + 4 * math.sqrt(events), 44.0)


def _box(x: float, y: float, label: str, size: float) -> tuple[float, float, float, float]:
    """The node's marker and its label above it: ``(left, bottom, right, top)`` px."""
    half = max(size / 2, (CHAR_W * len(label) + 6) / 2)
    return x - half, y - size / 2, x + half, y + size / 2 + LABEL_H + 2


def layout_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                   width: float = CANVAS_W, height: float = CANVAS_H
                   ) -> dict[str, tuple[float, float]]:
    """Place the nodes of :func:`tidings.serve.data.network` on a ``width`` x ``height``
    pixel canvas: a force layout (linked nodes attract, all repel, deterministic), then
    overlap removal so that no node's marker and label (:func:`_box`) overlap another's.

    Returns:
        ``{node id: (x, y)}`` in pixels, every box inside the canvas (when the canvas can
        hold them all; with hundreds of nodes some boxes may still touch).
    """
    n = len(nodes)
    if n == 0:
        return {}
    ids = [v["id"] for v in nodes]
    sizes = [node_size(v["out"] + v["in"]) for v in nodes]
    index = {k: i for i, k in enumerate(ids)}
    # a sunflower spiral, most connected in the middle: a deterministic start
    golden = math.pi * (3 - math.sqrt(5))
    xs = [width / 2 + 0.45 * width * math.sqrt((i + 0.5) / n) * math.cos(i * golden) for i in range(n)]
    ys = [height / 2 + 0.45 * height * math.sqrt((i + 0.5) / n) * math.sin(i * golden) for i in range(n)]
    links: dict[tuple[int, int], float] = {}
    for e in edges:
        i, j = index[e["source"]], index[e["target"]]
        if i != j:
            key = (min(i, j), max(i, j))
            links[key] = links.get(key, 0.0) + e["n"]
    k = SPREAD * math.sqrt(width * height / n)
    reach2 = (3 * k) ** 2
    steps = 300 if n <= 60 else max(60, 18000 // n)
    for step in range(steps):
        heat = (width / 8) * (1 - step / steps) + 1.0
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            for j in range(i + 1, n):
                ex, ey = xs[i] - xs[j], ys[i] - ys[j]
                d2 = ex * ex + ey * ey or 0.01
                if d2 > reach2:                                 # far apart: no push
                    continue
                f = k * k / d2                                  # repulsion k^2 / d
                dx[i] += ex * f
                dy[i] += ey * f
                dx[j] -= ex * f
                dy[j] -= ey * f
        for (i, j), w in links.items():
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            d = math.hypot(ex, ey) or 0.01
            f = d / k * (1 + math.log1p(w)) / 2                 # attraction d^2 / k
            dx[i] -= ex * f
            dy[i] -= ey * f
            dx[j] += ex * f
            dy[j] += ey * f
        for i in range(n):
            dx[i] += (width / 2 - xs[i]) * GRAVITY                # keeps loners near
            dy[i] += (height / 2 - ys[i]) * GRAVITY * width / height
            d = math.hypot(dx[i], dy[i]) or 1.0
            xs[i] += dx[i] / d * min(d, heat)
            ys[i] += dy[i] / d * min(d, heat)
            xs[i], ys[i] = _inside(xs[i], ys[i], ids[i], sizes[i], width, height)
    for _ in range(400):  # push apart the boxes that still overlap
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                a = _box(xs[i], ys[i], ids[i], sizes[i])
                b = _box(xs[j], ys[j], ids[j], sizes[j])
                ox = min(a[2], b[2]) - max(a[0], b[0]) + GAP
                oy = min(a[3], b[3]) - max(a[1], b[1]) + GAP
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if ox * height < oy * width:                    # the cheaper way apart
                    push = (ox / 2 + 1) * (1 if xs[i] >= xs[j] else -1)
                    xs[i] += push
                    xs[j] -= push
                else:
                    push = (oy / 2 + 1) * (1 if ys[i] >= ys[j] else -1)
                    ys[i] += push
                    ys[j] -= push
                xs[i], ys[i] = _inside(xs[i], ys[i], ids[i], sizes[i], width, height)
                xs[j], ys[j] = _inside(xs[j], ys[j], ids[j], sizes[j], width, height)
        if not moved:
            break
    return {ids[i]: (round(xs[i], 1), round(ys[i], 1)) for i in range(n)}


def _inside(x: float, y: float, label: str, size: float, width: float, height: float
            ) -> tuple[float, float]:
    """Move a node so that its box lies inside the canvas."""
    left, bottom, right, top = _box(x, y, label, size)
    x += max(0.0, -left) - max(0.0, right - width)
    y += max(0.0, -bottom) - max(0.0, top - height)
    return x, y


def network_figure(net: dict[str, Any]) -> dict[str, Any]:
    """Return a directed actor network: nodes placed by :func:`layout_network` on the
    page's width, sized by events and labelled without overlaps, arrows coloured by each
    edge's most frequent quad class.

    Args:
        net: the result of :func:`tidings.serve.data.network`.

    Returns:
        A Plotly figure dict (scatter traces for edge midpoints, one per quad class, then
        the nodes; arrow annotations for edges). The axes span the layout canvas
        (:data:`CANVAS_W` x :data:`CANVAS_H` px), so every node is inside the plot.
    """
    nodes = net["nodes"]
    pos = layout_network(nodes, net["edges"])
    size = {v["id"]: node_size(v["out"] + v["in"]) for v in nodes}
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
            "arrowsize": 1, "standoff": size[e["target"]] / 2 + 2,
            "startstandoff": size[e["source"]] / 2 + 1,
            "arrowwidth": 1 + 3 * e["n"] / top, "arrowcolor": QUAD_COLOURS[e["quad_class"]],
            "opacity": 0.6, "text": ""})
        m = mids[e["quad_class"]]
        m["x"].append((x0 + x1) / 2)
        m["y"].append((y0 + y1) / 2)
        m["text"].append(f"{e['source']} \u2192 {e['target']}: {e['n']} events<br>" +
                         "<br>".join(f"{_label(q)}: {c}" for q, c in e["by_quad"].items()
                                     if c))
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "markers", "name": _label(q), "x": m["x"],
         "y": m["y"], "text": m["text"], "hoverinfo": "text",
         "marker": {"size": 7, "color": QUAD_COLOURS[q], "symbol": "diamond"}}
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
        "hoverinfo": "text", "showlegend": False, "cliponaxis": False,
        "marker": {"size": [size[v["id"]] for v in nodes],
                   "color": ["#76b7b2" if v["kind"] == "country" else "#b07aa1"
                             for v in nodes],
                   "line": {"width": 1, "color": "#333"}}})
    margin = {"l": 10, "r": 10, "t": 40, "b": 40}
    layout = {"height": CANVAS_H + margin["t"] + margin["b"], "margin": margin,
              "title": {"text": "Who acts on whom (arrow: actor \u2192 recipient)"},
              "xaxis": {"visible": False, "range": [0, CANVAS_W], "autorange": False},
              "yaxis": {"visible": False, "range": [0, CANVAS_H], "autorange": False},
              "annotations": annotations, "hovermode": "closest",
              "legend": {"orientation": "h", "y": -0.02, "yanchor": "top"}}
    return {"data": data, "layout": layout}
