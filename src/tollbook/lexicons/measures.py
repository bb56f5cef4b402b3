"""The measure registry: every property of a measure, read from measures.toml.

Code asks `measure_registry()` (or one of the views below) whether a measure counts people,
is cumulative or is a loss; it never keeps a set of measure names of its own, so a new
measure is one table in the data file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from tollbook.lexicons import load


@dataclass(frozen=True, slots=True)
class MeasureInfo:
    """One measure's properties (see the header of measures.toml for what each means)."""

    name: str
    description: str
    counts: frozenset[str]
    family: str
    cumulative: bool
    loss: bool
    brief_rank: int
    whole: bool = False
    parts: tuple[str, ...] = ()
    equipment_as: str | None = None
    gloss: str | None = None
    brief_verb: str | None = None

    @property
    def people(self) -> bool:
        """Counts people: a figure with no noun of its own is of personnel."""
        return "people" in self.counts

    @property
    def equipment(self) -> bool:
        return "equipment" in self.counts


@functools.cache
def measure_registry() -> Mapping[str, MeasureInfo]:
    """Every measure by name, in the data file's order: `measure_registry()["killed"].cumulative` is True."""
    registry = {}
    # read as English's (the registry file with English's words over it), whatever language is being read at
    # the first call: the cache keeps one registry, and another language's `brief_verb` must not land in it
    for name, entry in load("measures.toml", "en")["measure"].items():
        registry[name] = MeasureInfo(
            name=name, description=entry["description"], counts=frozenset(entry["counts"]), family=entry["family"],
            cumulative=bool(entry["cumulative"]), loss=bool(entry["loss"]), brief_rank=int(entry["brief_rank"]),
            whole=bool(entry.get("whole", False)), parts=tuple(entry.get("parts", ())),
            equipment_as=entry.get("equipment_as"), gloss=entry.get("gloss"),
            brief_verb=entry.get("brief_verb"))
    return MappingProxyType(registry)


@functools.cache
def measure_family(measure: str | None) -> str | None:
    """The measure's family in the registry (killed and casualties: 'losses'), else the measure itself."""
    info = measure_registry().get(measure or "")
    return info.family if info else measure


def measures_where(**wanted: bool) -> frozenset[str]:
    """Names of the measures whose properties have the given values: `measures_where(loss=True, people=True)`."""
    return frozenset(name for name, info in measure_registry().items()
                     if all(getattr(info, key) == value for key, value in wanted.items()))


def measure_names_text(conjunction: str = "or") -> str:
    """The measure names as prose, for help texts: 'killed, wounded, ... or displaced'."""
    names = list(measure_registry())
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"
