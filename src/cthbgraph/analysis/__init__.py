"""Analysis of a built graph: tracing commitments, gaps, coverage, and two years side by side.

``trace`` follows one provision; ``gaps`` judges every provision and every body it tasks;
``coverage`` counts activities per provision and body; ``compare`` sets two report years side by
side. All are computed from the rows of library queries on any store (embedded or endpoint), and
every figure keeps its evidence (``cells``): the activities, excerpt IRIs and sentences it was
counted from. ``filters`` checks the names a user types against the graph.
"""

from __future__ import annotations

from .cells import Evidence
from .comparison import COMPARE_CHANGES, Change, compare
from .coverage import Coverage, CoverageBody, coverage
from .filters import report_years, resolve_body
from .gaps import ACTIVE, IMPLEMENTED, NONE, PARTLY, SILENT, BodyGap, GapReport, ProvisionGap, gaps
from .links import LinkFilter, link_label
from .trace import Trace, TracedActivity, TracedBody, provision_notations, trace

__all__ = [
    "ACTIVE",
    "COMPARE_CHANGES",
    "IMPLEMENTED",
    "NONE",
    "PARTLY",
    "SILENT",
    "BodyGap",
    "Change",
    "Coverage",
    "CoverageBody",
    "Evidence",
    "GapReport",
    "LinkFilter",
    "ProvisionGap",
    "Trace",
    "TracedActivity",
    "TracedBody",
    "compare",
    "coverage",
    "gaps",
    "link_label",
    "provision_notations",
    "report_years",
    "resolve_body",
    "trace",
]
