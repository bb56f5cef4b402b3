"""`tollbook check` on the fetched real articles of ../shared/corpus/real_stories, against judged findings.

The texts are fetched into a git-ignored folder (docs/real_sets.md) and never committed; the
verdicts are facts in tests/gold/reconcile_real/check.jsonl (see its README). The test skips
with a message when the texts are absent.
"""

from __future__ import annotations

import pytest

# Reached: 6 of 10 judged findings real (0.11 before issue 11's rules, 12 of 108), then 6 of 11 on the
# extraction that landed beside them, then 5 of 6 on the 66 texts fetched again (a headline whose subject
# revises the figure credits it: "X revises toll to N"). The one false alarm left takes
# 'half' of the wrong base (tests/gold/reconcile_real/check.jsonl). The target is 0.8.
# On the 64 texts fetched on 2026-12-02 (other copies of some pages, headlines rebuilt from addresses) the
# same rules give 9 findings, 6 real (every false one rests on a wrong claim: 'lost ... fighters' read as
# casualties, a figure not read, 'half' of the wrong base). The floor stands at what these texts give, not
# at the 5 of 6 of the earlier copies; the 0.8 is not met (see the issue note).
# On the 67 texts fetched again later that day (bakhmut_wagner/08 for the first time, its headline rebuilt
# from the address without its ': US intel' tag) the findings were 14, 7 real; a 'half of the dead' read
# against the casualties before it made two of the false ones, and once shares of 'the dead' / 'those
# killed' took the dead as their base, 12, 7 real (0.58). The floor follows the texts every machine fetches
# now: lowered to 0.55 for this set, not for a change of the rules.
# On the 64 texts fetched on 2026-12-02's third session (headlines taken from the page where its first line
# is one), 6 of 11; once a subject's verb past a long description was read (a count of
# people described at length before its "have been killed or injured"), 7 of 12 (0.64); once a page's repeated headline counted as
# its headline, 8 of 12 (0.67). Three of the four false ones rest on a
# headline rebuilt from an address (bakhmut_wagner/10), one on 'half' of the wrong base.
# On 69 texts fetched in the fifth session, 9 of 13 with two new ones judged by hand (both false); after
# its work (a vague or denied body figure pairs with no headline figure, 'several' is no addend, an
# address-rebuilt headline keeps its trailing source) 8 of 11 (0.73): the three false rest on
# bakhmut_wagner/10's rebuilt headline and on a bracketed share's part read as hostages taken.
# On the 68 texts of 2026-12-02's sixth session and the 72 of 2026-12-03's (two fetches), 8 of 9 (0.89):
# the page's printed title read over its address, 'nears', 'goes past', and a bracketed part's measure.
REAL_PRECISION = 0.8  # issue 11's bar
REAL_COVERAGE = 0.6  # below this share of judged findings the precision says little: judge the new ones


@pytest.fixture(scope="module")
def found():
    from scripts import real_reconcile

    items = real_reconcile.articles()
    if not items:
        pytest.skip("real-story texts or ../shared/corpus absent: fetch them as docs/real_sets.md says")
    return real_reconcile.check_facts(items)


def test_check_findings_on_real_articles_are_mostly_real(found) -> None:
    from scripts import real_reconcile

    result = real_reconcile.score(found, real_reconcile.load_judgements(real_reconcile.CHECK_FILE))
    assert result.coverage >= REAL_COVERAGE, (
        f"{len(result.unjudged)} check findings have no verdict: judge them "
        f"(python scripts/real_reconcile.py check-score) and add them to {real_reconcile.CHECK_FILE}")
    assert result.precision >= REAL_PRECISION, result.line() + "\nfalse: " + "\n".join(
        f"{f['kind']} {[c['value_text'] for c in f['claims']]}: {f['reason']}" for f in result.false_found)


def test_tensions_stay_off_the_default_report(found) -> None:
    assert not [f for f in found if f["kind"] == "cross_claim_tension"]
