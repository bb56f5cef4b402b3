"""English: the lexicons (*.toml) and example corpus (corpus/*.json) tollbook reads English reporting with."""
