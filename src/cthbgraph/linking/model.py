"""Which provision an activity serves, judged by its content: TF-IDF over lemmas, smoothed along a report.

Each provision is described by the lemmas of its wording and of the title of its Action Plan section
(the title's words count twice: "TRAINING", "AWARENESS-RAISING" name what the section is about), and
by the activities the corpus's reports state under it: a provision's words are legal ("the training of
law enforcement officials") where reports tell what was done ("a course for border police"), so the
centroid of its stated activities' vectors is added to its own. Each activity is described by the
lemmas of its sentence. The score of a pair is the cosine of their TF-IDF vectors, times 1.5 when a
body that did the activity is one the provision tasks. Reports describe their work section by
section, so the best provision of each activity is chosen along the report with a Viterbi pass that
rewards staying in the section of the activity before; the pass only chooses among provisions that
score above the threshold. Deterministic, CPU only; what is learnt is the centroids, from the links
the reports state, and only when a corpus has some.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Activity, Provision

METHOD = "tfidf-lemmas/2"


@dataclass(frozen=True)
class LinkSettings:
    """The knobs of the model (tuned on the dev part of the hold-out protocol, see evaluation).

    threshold (float): lowest score kept. second (float): a second provision is kept only when it
    scores at least this share of the first. tasked_weight (float): factor for an activity of a
    body the provision tasks. title_weight (int): how often a section title's words count.
    stay (float): the bonus, in score units, of staying in the section of the activity before.
    window (int): neighbours on each side whose scores are added to an activity's (0: none).
    decay (float): the weight of a neighbour n places away is ``decay ** n``.
    stay_provision (float): a further bonus for staying with the same provision.
    examples (float): the weight of the centroid of a provision's stated activities against its
    own wording (0: wording only).
    Defaults: the best exact-provision accuracy on the dev part (chapter III) of the hold-out;
    ``examples`` on the dev part of the judged links of later reports (docs/linking.md).
    """

    threshold: float = 0.05
    second: float = 0.7
    tasked_weight: float = 1.5
    title_weight: int = 2
    stay: float = 0.1
    window: int = 5
    decay: float = 0.8
    stay_provision: float = 0.0
    examples: float = 2.0


@dataclass(frozen=True)
class Candidate:
    notation: str
    score: float


_SUFFIXES = ("ations", "ation", "ings", "ing", "ment", "ments", "ies", "es", "s", "ed")


def stem(lemma: str) -> str:
    """A lemma cut to a shared stem, so that the capitals of a heading ("TRAINING", which the parser
    leaves as it is) meet the verb of a sentence ("trained" -> "train")."""
    for suffix in _SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            return lemma[: -len(suffix)]
    return lemma


class LinkModel:
    """TF-IDF vectors of the provisions known to the corpus, and the scores of activities against them.

    provisions (Iterable[Provision]): one per notation (the first wins).
    activities (Iterable[Activity]): the sentences that also count for the word weights; those with
        a stated provision are its examples.
    """

    def __init__(
        self, provisions: Iterable[Provision], activities: Iterable[Activity], settings: LinkSettings | None = None
    ):
        self.settings = settings or LinkSettings()
        chosen: dict[str, Provision] = {}
        for p in provisions:
            chosen.setdefault(p.notation, p)
        self.provisions = [chosen[n] for n in sorted(chosen)]
        docs = [self._provision_terms(p) for p in self.provisions]
        activities = list(activities)
        activity_docs = [[stem(w) for w in a.lemmas] for a in activities]
        frequency = Counter(w for doc in (*docs, *activity_docs) for w in set(doc))
        total = len(docs) + len(activity_docs)
        self.idf = {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in frequency.items()}
        examples: dict[str, list[dict[str, float]]] = {}
        for a, doc in zip(activities, activity_docs):
            if a.provision:
                examples.setdefault(a.provision, []).append(self._vector(doc))
        self.vectors = [
            _add(self._vector(doc), examples.get(p.notation, ()), self.settings.examples)
            for p, doc in zip(self.provisions, docs)
        ]
        self.tasked = [{b.key for b in p.tasked} for p in self.provisions]

    def _provision_terms(self, p: Provision) -> list[str]:
        return [stem(w) for w in p.lemmas] + [stem(w) for w in p.title_lemmas] * self.settings.title_weight

    def _vector(self, terms: Sequence[str]) -> dict[str, float]:
        counts = Counter(terms)
        weights = {w: (1 + math.log(n)) * self.idf.get(w, 1.0) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def scores(self, activity: Activity) -> list[float]:
        """The score of ``activity`` against each provision (in the order of ``self.provisions``), 0-1."""
        vector = self._vector([stem(w) for w in activity.lemmas])
        agents = {a.key for a in activity.agents}
        out = []
        for p_vector, tasked in zip(self.vectors, self.tasked):
            cosine = sum(v * p_vector.get(w, 0.0) for w, v in vector.items())
            weight = self.settings.tasked_weight if agents & tasked else 1.0
            out.append(min(1.0, cosine * weight))
        return out

    def link(self, activities: Sequence[Activity]) -> list[tuple[Candidate, ...]]:
        """The kept provisions (best first, at most two) of each activity of one report, in the
        order given (the report's order), smoothed along the report."""
        if not self.provisions or not activities:
            return [() for _ in activities]
        table = self._context([self.scores(a) for a in activities])
        path = self._viterbi(table)
        out = []
        for row, best in zip(table, path):
            if best is None:
                out.append(())
                continue
            kept = [Candidate(self.provisions[best].notation, row[best])]
            others = sorted((s, -i) for i, s in enumerate(row) if i != best)
            if others:
                s, i = others[-1]
                if s >= self.settings.threshold and s >= self.settings.second * row[best]:
                    kept.append(Candidate(self.provisions[-i].notation, s))
            out.append(tuple(kept))
        return out

    def _context(self, table: list[list[float]]) -> list[list[float]]:
        """Each activity's scores with those of its neighbours in the report added, weighed down by
        distance: a paragraph's sentences share the provision the paragraph serves."""
        window, decay = self.settings.window, self.settings.decay
        if not window:
            return table
        out = []
        for n in range(len(table)):
            weights = [(m, decay ** abs(m - n)) for m in range(max(0, n - window), min(len(table), n + window + 1))]
            total = sum(w for _, w in weights)
            out.append([sum(table[m][i] * w for m, w in weights) / total for i in range(len(table[n]))])
        return out

    def _viterbi(self, table: list[list[float]]) -> list[int | None]:
        """The provision of each activity (None: nothing above the threshold), maximising the sum
        of scores plus ``stay`` for each step that keeps the section of the step before."""
        sections = [p.section for p in self.provisions]
        threshold = self.settings.threshold
        states: list[list[int | None]] = [[i for i, s in enumerate(row) if s >= threshold] or [None] for row in table]
        best: dict[int | None, float] = {}
        back: list[dict[int | None, int | None]] = []
        for n, row in enumerate(table):
            current: dict[int | None, float] = {}
            pointers: dict[int | None, int | None] = {}
            for state in states[n]:
                gain = row[state] if state is not None else 0.0
                if not best:
                    current[state], pointers[state] = gain, None
                    continue
                options = [
                    (value + gain + self._stay(prev, state, sections), _order(prev), prev)
                    for prev, value in best.items()
                ]
                value, _, prev = max(options)
                current[state], pointers[state] = value, prev
            back.append(pointers)
            best = current
        state = max(best.items(), key=lambda kv: (kv[1], _order(kv[0])))[0]
        path = [state]
        for pointers in reversed(back[1:]):
            state = pointers[state]
            path.append(state)
        return list(reversed(path))

    def _stay(self, prev: int | None, state: int | None, sections: list[str]) -> float:
        if prev is None or state is None or sections[prev] != sections[state]:
            return 0.0
        return self.settings.stay + (self.settings.stay_provision if prev == state else 0.0)


def _add(vector: dict[str, float], examples: Sequence[dict[str, float]], weight: float) -> dict[str, float]:
    """``vector`` plus ``weight`` times the centroid of ``examples``, normalised (``vector`` when
    there are none)."""
    if not examples or not weight:
        return vector
    out = dict(vector)
    for example in examples:
        for w, v in example.items():
            out[w] = out.get(w, 0.0) + weight * v / len(examples)
    norm = math.sqrt(sum(v * v for v in out.values())) or 1.0
    return {w: v / norm for w, v in out.items()}


def _order(state: int | None) -> int:
    """Ties go to the lower provision index (deterministic), and "nothing" loses them."""
    return -1_000_000 if state is None else -state
