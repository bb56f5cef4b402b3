"""English: the lexicons (*.toml) and example corpus (corpus/*.json) tollbook reads English reporting with."""

STATUS = "reads"  # the stages read English (tollbook.lang: a package is used only when it reads)
