"""Russian: the lexicons (*.toml), grammar patterns (patterns.py), word forms (inflect.py, pymorphy3)
and example corpus (corpus/*.json) tollbook reads Russian reporting with: Russia's Ministry of Defence,
regional governors, Mediazona's count and the Russian-language news that retells Ukrainian sources."""
