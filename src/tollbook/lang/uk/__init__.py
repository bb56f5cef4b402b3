"""Ukrainian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Ukrainian reporting with: the General Staff's daily
statement, regional military administrations, the State Emergency Service and the news that retells them."""

# The stages read Ukrainian through this package's data: digits and number words (word_value), range
# words, time rules (TIME_RULES: станом на, за минулу добу, dd.mm.yy spans), lemmas inflected by
# pymorphy3 for measures, units, actors, claimants and place names (places.csv), "за даними X" as
# "according to", and the statement's tally lines (TALLY_LINE); every corpus case reads (issue 15).
STATUS = "reads"
