#!/usr/bin/env bash
# Generalisation check: mapper on eight original reports about other theatres
# (Sudan, Ukraine, Mali, Myanmar, Burkina Faso, Gaza) scored against tests/data/other_theatres_gold.json.
# Run from anywhere; needs ../shared/bench/incident_eval.py next to the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
MAPPER=.venv/bin/mapper
mkdir -p out
$MAPPER extract tests/data/other_theatres --default-date 2024-05-15 -o out/other.geojson
$MAPPER places tests/data/other_theatres > out/other_places.jsonl
$PY ../shared/bench/incident_eval.py out/other.geojson tests/data/other_theatres_gold.json \
    --places out/other_places.jsonl --reports-dir tests/data/other_theatres \
    --json out/other_eval.json > out/other_eval.txt
cat out/other_eval.txt

