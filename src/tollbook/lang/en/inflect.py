"""English word forms from lemmas, by lemminflect: the lexicons list "murder", not its five spellings.

A lemma may carry a part of speech, "die/V" or "death/N", to keep forms of the other part
out ("dice" is a plural of the noun "die"). In a phrase only the first word inflects:
"gun down/V" gives "gunned down", "gunning down", "guns down".
"""

from __future__ import annotations

_TAGS = {"V": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"), "N": ("NN", "NNS")}


def forms(lemma: str) -> list[str]:
    """Every form of `lemma` ("word" or "word/V" or "word/N", or a phrase whose first word inflects)."""
    from lemminflect import getAllInflections  # loaded only when a lexicon is compiled, not at each start

    word, _, pos = lemma.partition("/")
    head, sep, rest = word.partition(" ")
    upos = {"V": "VERB", "N": "NOUN"}.get(pos.strip().upper())
    found = getAllInflections(head, upos=upos) if upos else getAllInflections(head)
    tags = _TAGS.get(pos.strip().upper())
    heads = {head}
    for tag, spellings in found.items():
        if tags is None and tag in ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ") or tags and tag in tags:
            heads.update(spellings)
    return sorted(h + sep + rest for h in heads)
