"""Ukrainian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Ukrainian reporting with: the General Staff's daily
statement, regional military administrations, the State Emergency Service and the news that retells them."""
