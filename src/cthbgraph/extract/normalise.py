"""Conversion noise out, offsets kept.

The reports are conversions of PDFs and web pages: markdown emphasis, ``<i>``/``<sup>`` tags,
footnote numbers glued to words, lines wrapped inside paragraphs and sentences broken across page
breaks. The pipeline reads a *cleaned* copy of the text that has exactly the same length as the
original, noise being overwritten by spaces. Every character offset found in the cleaned text is
therefore an offset into the original report, and evidence excerpts stay exact.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|p|br|span|u|a)(?:\s[^<>]{0,200})?/?>", re.IGNORECASE)
# A footnote marker in a <sup> element goes with its tags: "word<sup>12</sup>" reads "word".
_SUP = re.compile(r"<sup>[^<]{0,12}</sup>", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*{1,3}|(?<![\w])_{1,2}(?=\w)|(?<=\w)_{1,2}(?![\w])")
_HEADING_MARK = re.compile(r"^[ \t]*#{1,6}[ \t]", re.MULTILINE)
# "[Project Co-ordinator in Uzbekistan](#)": keep the words, blank the link syntax.
_LINK = re.compile(r"\[(?=[^\]\n]{1,300}\]\([^)\s]{0,500}\))|\]\([^)\s]{0,500}\)")
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# "mandate1 of", "Europe23." : footnote numbers glued to a word of at least three letters.
# Codes such as "PC.DEC670" keep their digits.
_GLUED_FOOTNOTE = re.compile(r"(?<=[A-Za-z]{3})(?<!DEC)(?<!DECL)(?<!Rev)\d{1,3}(?=[\s,.;:)]|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _join_wrapped_lines(text: str, original: str | None = None) -> str:
    """Turn line breaks inside a paragraph, and page breaks inside a sentence, into spaces.

    A single newline between two non-empty lines is a wrap when the first line does not look like a
    heading or a list item. A blank-line break is a page break inside a sentence when the text before
    it ends without closing punctuation and the text after it starts in lower case. ``original``: the
    text before emphasis marks were blanked, where a line that closes an emphasis ("… Federation*")
    ends its paragraph (an italic caption or signature), so that no blank line after it is a page break.
    """
    original = text if original is None else original
    chars = list(text)
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)  # index of the "\n" after this line
        nxt = lines[i + 1]
        if line.strip() and nxt.strip():
            # A short line followed by a capital is a heading or a table cell, not a wrap.
            wrapped = len(line.strip()) >= 50 or nxt.lstrip()[:1].islower()
            if wrapped and not _is_block_line(line) and not _is_block_line(nxt):
                chars[end] = " "
        pos = end + 1
    joined = "".join(chars)
    # Page breaks: "...law enforcement authorities,\n\nsocial welfare services ..."
    def page_break(m: re.Match[str]) -> str:
        return " " * (m.end() - m.start())

    joined = re.sub(r"(?<=[a-z,])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[a-z])", page_break, joined)

    # "... in the course of the 2002\n\nSupplementary Human Dimension Meeting ...": a page break
    # before a capitalised word, between two full-width lines, the first one without closing
    # punctuation.
    def capital_page_break(m: re.Match[str]) -> str:
        before = joined[joined.rfind("\n", 0, m.start()) + 1 : m.start()]
        after_end = joined.find("\n", m.end())
        after = joined[m.end() : after_end if after_end != -1 else len(joined)]
        closes_emphasis = original[: original.find("\n", m.start())].rstrip().endswith(("*", "_"))
        if (
            len(before.strip()) >= 60 and len(after.strip()) >= 60 and not closes_emphasis
            and not _is_block_line(after) and not _is_block_line(before)
        ):
            return " " * (m.end() - m.start())
        return m.group()

    return re.sub(r"(?<=[a-z0-9,])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[A-Z])", capital_page_break, joined)


# A dated line of a listing ("22 September 2011 – …") is an item of its own too.
_BLOCK_START = re.compile(
    r"^\s*(?:[-•■*]\s|\d+\.\s|[IVX]+\.\s?\d*\.?\s|#|\||[¹²³⁴⁵⁶⁷⁸⁹⁰]"
    r"|\d{1,2}\s[A-Z][a-z]+\s\d{4}\s–\s)"
)


def _is_block_line(line: str) -> bool:
    stripped = line.strip()
    if _BLOCK_START.match(line):
        return True
    # Headings and table rows: short lines in capitals, or lines without a lower-case word.
    letters = [c for c in stripped if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters) and len(stripped) > 3


def clean(text: str) -> str:
    """Return a copy of ``text`` of the same length with conversion noise blanked out.

    >>> clean("the **ODIHR** and the <i>Mission</i>")
    'the   ODIHR   and the    Mission    '
    """
    out = _SUP.sub(_blank, text)
    out = _TAG.sub(_blank, out)
    out = _EMPHASIS.sub(_blank, out)
    out = _HEADING_MARK.sub(_blank, out)
    out = _LINK.sub(_blank, out)
    out = _SUPERSCRIPTS.sub(_blank, out)
    out = _GLUED_FOOTNOTE.sub(_blank, out)
    out = out.replace("\u00a0", " ").replace("\t", " ")
    out = _join_wrapped_lines(out, text)
    assert len(out) == len(text)
    return out
