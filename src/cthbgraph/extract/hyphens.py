"""Prefixed words read whole: "co-organized", "re-launched", "pre-screened".

spaCy's English tokenizer cuts every hyphen between letters, so "The Office co-organized a round
table with the Ministry" reaches the parser as "co", "-", "organized": the small model then takes
"co" for a noun, the subject or the root, and the sentence loses its verb, the verb's subject (the
doer) and its "with" partners. A bound prefix is no word of its own, so two components put the word
back together:

* :class:`PrefixMerger`, before the model's first component, merges "co" "-" "organized" into one
  token and gives it the features the model reads of the word it prefixes (norm, first letter,
  shape), so tagger and parser read "The Office organized ..." and the text keeps "co-organized".
  Kept whole by the tokenizer instead, the word is one the model has never seen, and the tags around
  it changed ("Mission in Kosovo hosts ... co-ordinators" lost its verb); merged after the tagger,
  the tags were those of the cut words ("the OSCE bodies co - operate": "operate" as an infinitive);
  merged after the parser, the parse would stay as it was.
* :class:`PrefixLemmas`, after the lemmatizer, gives a prefixed verb the lemma of the verb it
  prefixes ("co-hosted": host), or of the one word its hyphen only spells ("co-operated":
  cooperate, as the unhyphenated spelling is lemmatised), so every rule that compares lemmas reads
  it as that verb.

A capital prefix ("Project Co-ordinator", "Co-operation Council") starts a name: it is left cut, as
the model was trained to read names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


class PrefixMerger:
    """Merges a lower-case bound prefix, its hyphen and the verb after it into one token that the
    model reads as the verb (the first component, before ``tok2vec``).

    >>> nlp = load_pipeline()                                           # doctest: +SKIP
    >>> [(t.text, t.dep_) for t in nlp("The Mission co-operates with NGOs.")][:3]  # doctest: +SKIP
    [('The', 'det'), ('Mission', 'nsubj'), ('co-operates', 'ROOT')]
    """

    # Bound prefixes only: "self-", "anti-" or "non-" are words too, and what follows them is mostly
    # an adjective the parse already reads ("anti-trafficking training").
    PREFIXES = ("co", "re", "pre")

    def __init__(self, nlp: Language):
        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        # The English lemmatizer's verbs: base forms, irregular forms and the suffix rules.
        self.verbs = set(tables.get_table("lemma_index").get("verb", [])) if tables else set()
        self.irregular = set(tables.get_table("lemma_exc").get("verb", {})) if tables else set()
        self.rules = tables.get_table("lemma_rules").get("verb", []) if tables else []

    def __call__(self, doc: Doc) -> Doc:
        spans = [span for span in self.stretches(doc) if len(span) == 3 and self.verb_form(span[2].text)]
        if not spans:
            return doc
        words = {span.text: span[-1].text for span in spans}
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
        for text, word in words.items():
            # The model's features of a token are its norm, first letter, last letters and shape
            # (its text is not one of them): those of the word make "co-operate" read as "operate",
            # in the context the word has without the cut-off "co" and "-".
            merged, alone = doc.vocab[text], doc.vocab[word]
            merged.norm_, merged.prefix_, merged.shape_ = alone.norm_, alone.prefix_, alone.shape_
        return doc

    @staticmethod
    def stretches(doc: Doc) -> list[Span]:
        """The stretches "co-organized" of ``doc`` (a prefix in lower case at the start of a word, a hyphen,
        lower-case letters), found in the text rather than token by token: one token once merged, three before."""
        pattern = rf"(?<![^\W\d_])(?:{'|'.join(PrefixMerger.PREFIXES)})-[a-z]+(?![\w-])"
        spans = (doc.char_span(m.start(), m.end()) for m in re.finditer(pattern, doc.text))
        return [span for span in spans if span is not None]

    def verb_form(self, word: str) -> bool:
        """A form of a verb: nouns ("co-operation", "co-ordinators") stay cut, as the model reads them
        well enough, and the parses the rules were written on stay as they were."""
        if word in self.verbs or word in self.irregular:
            return True
        return any(word.endswith(old) and word[: len(word) - len(old)] + new in self.verbs for old, new in self.rules)


class PrefixLemmas:
    """Gives a merged prefixed verb or noun the lemma of the word it prefixes (after the lemmatizer).

    >>> [t.lemma_ for t in nlp("The Office co-hosted a seminar.")]  # doctest: +SKIP
    ['the', 'Office', 'host', 'a', 'seminar', '.']
    """

    def __init__(self, nlp: Language):
        self.vocab = nlp.vocab
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        index = self.lemmatizer.lookups.get_table("lemma_index") if self.lemmatizer else {}
        self.known = {pos: set(index.get(pos, [])) for pos in ("verb", "noun")}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None:
            return doc
        for span in PrefixMerger.stretches(doc):
            token = span[0]
            if len(span) == 1 and token.pos_ in ("VERB", "NOUN"):
                prefix, word = token.text.split("-", 1)
                token.lemma_ = self.lemma(token, prefix, word)
        return doc

    def lemma(self, token: Token, prefix: str, word: str) -> str:
        # "co-operation", "co-ordinated", "re-integrate": spellings of one word the lemmatizer knows.
        joined = self._lemma_of(prefix + word, token)
        if joined in self.known[token.pos_.lower()]:
            return joined
        if token.pos_ == "VERB":
            return self._lemma_of(word, token)  # "co-hosted": host
        return f"{prefix}-{self._lemma_of(word, token)}"  # "co-chairs": co-chair

    def _lemma_of(self, word: str, token: Token) -> str:
        from spacy.tokens import Doc

        alone = Doc(self.vocab, words=[word], pos=[token.pos_], tags=[token.tag_])
        forms = self.lemmatizer.rule_lemmatize(alone[0])
        return forms[0] if forms else word


def is_word(token: Token) -> bool:
    """Letters only, or a prefixed word merged ("co-organized"): ``Token.is_alpha`` with the hyphen."""
    return token.is_alpha or ("-" in token.text and token.text.replace("-", "").isalpha())
