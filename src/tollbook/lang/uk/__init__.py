"""Ukrainian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Ukrainian reporting with: the General Staff's daily
statement, regional military administrations, the State Emergency Service and the news that retells them."""

# The lexicons, inflector, grammar names and corpus are here; the stages do not yet handle
# Ukrainian grammar (case agreement of units, free word order, "за даними X", genitive dates, the
# statement header that scopes its lines), so documents in Ukrainian are named as unread, not read
# with English rules. Set to "reads" when the stages read it (issue 15).
STATUS = "lexicons"
