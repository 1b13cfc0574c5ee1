#!/usr/bin/env bash
# Run every yardstick in ../shared/bench against this checkout and print their SUMMARY lines.
# Usage: benchmarks/yardsticks.sh [--quick]   (--quick: 50 documents per geoparsing corpus)
set -uo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/bench" ] || { echo "yardsticks: $shared/bench not found" >&2; exit 2; }
py=.venv/bin/python
mapper=.venv/bin/mapper
limit=()
[ "${1:-}" = "--quick" ] && limit=(--limit 50)
mkdir -p out

echo "== examples map"
$mapper map examples -o out/map.html --geojson out/incidents.geojson -q
$py $shared/bench/map_check.py out/map.html --screenshot out/map.png | tail -2

echo "== seed incidents"
$mapper extract $shared/reports --default-date 2020-09-28 -o out/seed.geojson -q
$mapper places $shared/reports -q > out/places.jsonl
$py $shared/bench/incident_eval.py out/seed.geojson $shared/gold/seed_incidents.json \
    --places out/places.jsonl --reports-dir $shared/reports | grep SUMMARY

echo "== examples incidents (our own gold)"
$mapper places examples -q > out/example_places.jsonl
$py $shared/bench/incident_eval.py out/incidents.geojson tests/data/examples_gold.json \
    --places out/example_places.jsonl --reports-dir examples | grep SUMMARY

for corpus in lgl GWN TR-News; do
    echo "== geoparse $corpus"
    $py $shared/bench/geoparse_eval.py $shared/data/geoparse/$corpus.xml "${limit[@]}" | grep SUMMARY
done

echo "== ACLED notes: places of the coded location"
$py $shared/bench/acled_places.py $shared/data/acled-dev/notes.jsonl | grep SUMMARY

echo "== incidents: seed, news-dev, acled-dev, chronologies, other theatres"
$py benchmarks/bench_incidents.py --out out/incidents | grep -E "^==|SUMMARY"

for set in seed newsdev; do
    echo "== $set map"
    case $set in
        seed) in=$shared/reports; extra=(--default-date 2020-09-28) ;;
        newsdev) in=$shared/data/news-dev/reports; extra=() ;;
    esac
    $mapper map "$in" "${extra[@]}" -o out/$set-map.html -q
    $py $shared/bench/map_check.py out/$set-map.html | tail -1
done
