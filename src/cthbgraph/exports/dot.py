"""The network as Graphviz DOT, with a layout chosen for its size and a legend.

A selection (``--focus``, ``--chapter``) of up to :data:`DOT_LIMIT` nodes is laid out by ``dot``, in
ranks from left to right; a larger network by ``sfdp``, the multiscale force-directed layout, with
the options sfdp reads (``K``, ``repulsiveforce``, ``overlap``, ``smoothing``, ``start``): ``dot``
lays out the whole graph as an 863×32,766 px strip because activities fill one rank. The ``layout``
graph attribute carries the choice, so ``dot -Tsvg``, ``sfdp -Tsvg`` and other Graphviz tools draw
the same picture. The legend is an HTML-like table in the graph's label, which every layout draws.
Written here so that neither pydot nor pygraphviz is needed.
"""

from __future__ import annotations

import html
import io

from ..output import shorten
from .network import COLOURS, EDGE_TYPES, summary
from .registry import Rendered

#: Up to this many nodes a network is drawn by ``dot``; above, by ``sfdp``.
DOT_LIMIT = 150

_SHAPES = {"Provision": "box", "Body": "ellipse", "Activity": "point", "Report": "note"}
_TYPE_NAMES = {
    "Provision": "provision",
    "Decision": "decision",
    "Declaration": "declaration",
    "ActionPlan": "action plan",
    "Body": "body",
    "Activity": "activity",
    "Report": "report",
}
#: Edge kind -> (colour, style); shared by the edges and the legend.
_EDGE_STYLE = {
    "tasks": ("#D55E00", "solid"),
    "implements": ("#009E73", "solid"),
    "mayImplement": ("#009E73", "dashed"),  # inferred from content: the colour of implements, dashed
    "carriedOutBy": ("#777777", "solid"),
    "inCooperationWith": ("#777777", "dashed"),
    "cites": ("#BBBBBB", "dotted"),
    "renamedTo": ("#CC79A7", "bold"),
    "endorses": ("#56B4E9", "solid"),
    "amends": ("#56B4E9", "dashed"),
}


def _dot_id(text: str) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def graph_attributes(nodes: int) -> dict[str, str]:
    """The layout and its options for a network of ``nodes`` nodes."""
    common = {"fontname": "Helvetica", "labelloc": "b", "labeljust": "l", "outputorder": "edgesfirst", "pad": "0.3"}
    if nodes <= DOT_LIMIT:
        return {**common, "layout": "dot", "rankdir": "LR", "splines": "true", "nodesep": "0.15", "ranksep": "0.8"}
    return {
        **common,
        "layout": "sfdp",
        "K": "0.6",  # ideal edge length, inches
        "repulsiveforce": "1.6",
        "overlap": "prism",  # remove node overlaps after the force layout
        "overlap_scaling": "-3",
        "smoothing": "triangle",
        "splines": "false",
        "start": "20031127",  # seed: the same network always gives the same picture
        # At most 83 inches a side (8,000 px at 96 dpi): a viewer opens it whole. A larger layout is
        # scaled down, not cut, so a graph that grows with the corpus stays one picture.
        "size": "83,83",
    }


def legend(types: list[str], kinds: list[str]) -> str:
    """An HTML-like label: one row per node type and edge kind present, in their colours."""
    rows = ['<tr><td colspan="2" align="left"><b>Legend</b></td></tr>']
    for node_type in types:
        rows.append(
            f'<tr><td bgcolor="{COLOURS.get(node_type, "#777777")}" width="18"> </td>'
            f'<td align="left">{html.escape(_TYPE_NAMES.get(node_type, node_type))} '
            f'({_SHAPES.get(node_type, "hexagon")})</td></tr>'
        )
    for kind in kinds:
        colour, style = _EDGE_STYLE.get(kind, ("#777777", "solid"))
        stroke = {"dashed": "- - -", "dotted": "· · · ·"}.get(style, "———")
        rows.append(
            f'<tr><td><font color="{colour}"><b>{stroke}</b></font></td>'
            f'<td align="left">{html.escape(EDGE_TYPES.get(kind, kind))}</td></tr>'
        )
    return '<<table border="0" cellborder="0" cellspacing="2">' + "".join(rows) + "</table>>"


def write_dot(source) -> Rendered:
    net = source.selected
    out = io.StringIO()
    types = sorted(
        {a["type"] for _, a in net.nodes(data=True)},
        key=lambda t: (t not in COLOURS, list(COLOURS).index(t) if t in COLOURS else 0),
    )
    kinds = [k for k in _EDGE_STYLE if any(True for _, _, key in net.edges(keys=True) if key == k)]
    attrs = ", ".join(f"{k}={_dot_id(v)}" for k, v in graph_attributes(net.number_of_nodes()).items())
    out.write("digraph cthb {\n")
    out.write(f"  graph [{attrs}, label={legend(types, kinds)}];\n")
    out.write('  node [fontname="Helvetica", fontsize=10, style=filled, fontcolor=white, penwidth=0];\n')
    out.write('  edge [fontname="Helvetica", fontsize=8, arrowsize=0.5];\n')
    small = net.number_of_nodes() <= DOT_LIMIT
    for node, attrs in net.nodes(data=True):
        out.write(f"  {_dot_id(node)} [{_node_attributes(attrs)}];\n")
    for s, o, key in net.edges(keys=True):
        colour, style = _EDGE_STYLE.get(key, ("#777777", "solid"))
        label = f", label={_dot_id(EDGE_TYPES.get(key, key))}, fontcolor={_dot_id(colour)}" if small else ""
        out.write(
            f"  {_dot_id(s)} -> {_dot_id(o)} [type={_dot_id(key)}, color={_dot_id(colour)}, style={style}{label}];\n"
        )
    out.write("}\n")
    return Rendered(((("", out.getvalue().encode("utf-8")),)), summary(net))


def _node_attributes(attrs: dict) -> str:
    node_type = attrs["type"]
    label = attrs.get("notation") if node_type in ("Provision", "Decision") else attrs["label"]
    if node_type == "Activity":
        label = ""
    tooltip = attrs.get("text") or attrs.get("evidence") or attrs["label"]
    extra = ", width=0.08" if node_type == "Activity" else ""
    return (
        f"label={_dot_id(shorten(label or '', 40))}, shape={_SHAPES.get(node_type, 'hexagon')}, "
        f"fillcolor={_dot_id(COLOURS.get(node_type, '#777777'))}, tooltip={_dot_id(shorten(tooltip, 300))}, "
        f"type={_dot_id(node_type)}{extra}"
    )
