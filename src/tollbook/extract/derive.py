"""Claims built on claims: which earlier figure a fraction or "of these" is taken from.

"Of these, approximately a quarter were killed" takes the figure just before it;
"nearly half of the soldiers sent" takes the latest deployment figure, preferring
one about the same actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollbook.lang import CURRENT as en
from tollbook.model import Claim



def wants_deployment(anaphor: str) -> bool:
    """'the soldiers sent', 'those deployed': a share of a deployment."""
    return bool(en.DEPLOYED_NP.search(anaphor))


def resolve_base(anaphor: str, earlier: Sequence[Claim], actor: str | None) -> Claim | None:
    """The claim an anaphoric fraction is of, among the claims before it (in document order)."""
    lowered = anaphor.lower()
    group = next((m for w, m in en.GROUP_MEASURE.items() if re.search(rf"\b{re.escape(w)}\b", lowered)), None)
    if group is not None:
        # "half of the dead", "nearly half of those killed": the last figure of that measure, a part of a
        # larger figure included ("100,000 casualties, including 20,000 dead")
        named = [c for c in earlier if c.best is not None and c.measure == group and c.fraction is None]
        if named:
            return named[-1]
    candidates = [c for c in earlier if c.derived_from is None and c.best is not None]
    if not candidates:
        return None
    if anaphor in en.DEMONSTRATIVE:
        return candidates[-1]
    if en.DEPLOYED_NP.search(anaphor):
        deployed = [c for c in candidates if c.measure == "deployed"]
        same = [c for c in deployed if actor is None or c.actor == actor]
        if same or deployed:
            return (same or deployed)[-1]
    people = [c for c in candidates if c.unit == "personnel" and (actor is None or c.actor in (None, actor))]
    return (people or candidates)[-1]
