"""Russian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Russian reporting with: Russia's Ministry of Defence,
regional governors, Mediazona's count and the Russian-language news that retells Ukrainian sources."""

# The stages read Russian through this package's data: digits and number words (word_value), range
# words, time rules (TIME_RULES: по состоянию на, за прошедшие сутки, dd.mm.yy spans), lemmas inflected
# by pymorphy3 for measures, units, actors, claimants and place names (places.csv), "по данным X" as
# "according to", and the statement's tally lines (TALLY_LINE); every corpus case reads (issue 15).
STATUS = "reads"
