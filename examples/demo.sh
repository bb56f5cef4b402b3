#!/usr/bin/env bash
# `make demo`: tollbook's main job on the embedded default (a SQLite ledger) and the bundled reports.
set -euo pipefail
cd "$(dirname "$0")/.."
tollbook() { .venv/bin/tollbook "$@"; }
out=demo-out
db="$out/tollbook.db"
rm -rf "$out" && mkdir -p "$out"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. Extract: every figure in one report, as claims"
tollbook extract examples/reports/14_kursk_front_roundup.txt --csv | cut -d, -f3-8,15-19 | head -12

step "2. Ingest the bundled reports into $db (SQLite); a second run adds nothing"
tollbook ingest examples/reports examples/kursk --db "$db"
tollbook ingest examples/reports examples/kursk --db "$db"

step "3. Series about North Korea's troops (claims, appearances, independent originators)"
tollbook series --db "$db" --tsv | awk -F'\t' 'NR==1 || /North Korean/' | cut -f1,9-12,15

step "4. Timeline of North Korean casualties, chart in $out/nk_casualties.html"
tollbook timeline --db "$db" --actor "North Korean forces" --measure casualties --chart "$out/nk_casualties.html" --tsv | cut -f1-9
tollbook timeline --db "$db" --actor "North Korean forces" --measure casualties --chart "$out/nk_casualties.svg" > /dev/null

step "5. Findings: revisions, disagreements, scope mismatches, impossible arithmetic, adversary claims"
tollbook reconcile --db "$db" --nl | .venv/bin/python -c '
import json, sys
for f in map(json.loads, sys.stdin):
    if f["kind"] != "adversary_claim":
        print(f["kind"].ljust(22), f["rule"])'

step "6. Fused estimate of North Korean casualties in Kursk, with the claims that fed it"
tollbook estimate --db "$db" --actor "North Korean forces" --measure casualties --place RU-KRS --tsv | cut -f1-9

if tollbook check --help > /dev/null 2>&1; then
  step "7. Check: does the headline say what the body says?"
  tollbook check examples/reports/04_derna_flood_distorted.txt examples/reports/12_record_daily_losses_distorted.txt || true
  step "8. Brief: key points, every figure traceable to the text"
  tollbook brief examples/kursk/10_uk_di_quarter_killed.txt --points 4
fi

step "Exports in $out/"
tollbook export --db "$db" --format csv --out "$out/claims.csv"
tollbook export --db "$db" --format datapackage --out "$out/datapackage"
ls "$out"
