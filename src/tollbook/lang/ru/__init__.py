"""Russian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Russian reporting with: Russia's Ministry of Defence,
regional governors, Mediazona's count and the Russian-language news that retells Ukrainian sources."""

# The lexicons, inflector, grammar names and corpus are here; the stages do not yet handle
# Russian grammar (case agreement of units, free word order, "за даними X", genitive dates, the
# statement header that scopes its lines), so documents in Russian are named as unread, not read
# with English rules. Set to "reads" when the stages read it (issue 15).
STATUS = "lexicons"
