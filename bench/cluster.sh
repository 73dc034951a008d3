#!/usr/bin/env bash
# Cluster throughput: documents per second of `pipeline run --cluster` with 1 and 2 worker processes on this
# machine, beside a local run (SQLite, --jobs 2) of the same input. Starts a throwaway PostgreSQL (scripts/postgres.sh),
# makes DOCS distinct articles from the seed corpus, and writes bench/CLUSTER.md.
#   bench/cluster.sh [DOCS]     (default 1000)
set -uo pipefail
cd "$(dirname "$0")/.."
docs=${1:-1000}
load=$(cut -d' ' -f1-3 /proc/loadavg)
source scripts/setup.sh || exit $?
set +e
dotnet build Pipeline.sln -c Release -v q -nologo -clp:ErrorsOnly || exit $?
source scripts/postgres.sh
work=$(mktemp -d /tmp/pipeline-cluster-bench.XXXXXX)
workers=()
cleanup() {
  for p in "${workers[@]}"; do kill -TERM "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  pg_throwaway_stop
  rm -rf "$work"
}
trap cleanup EXIT
pg_throwaway_start || exit 2
cli=(dotnet src/Pipeline.Cli/bin/Release/net10.0/pipeline.dll)

# Distinct documents: each seed article with a paragraph of its own (as a wire follow-up adds a figure).
mkdir -p "$work/in"
seeds=(corpus/*.txt)
for ((i = 0; i < docs; i++)); do
  s=${seeds[$((i % ${#seeds[@]}))]}
  { cat "$s"; printf '\n\n（财联社补充）截至发稿，公司第%d季度订单金额约%d.2亿元，环比增长%d%%。\n' $((i + 1)) $((i % 97 + 3)) $((i % 40 + 1)); } > "$work/in/wire$(printf %05d $i).txt"
done

rate() { # run.json → "docs/s seconds"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.1f %.2f" % (r["processed"]/r["seconds"], r["seconds"]))' "$1/run.json" 2>/dev/null \
    || awk -F'[:,]' '/"processed"/{p=$2} /"seconds"/{s=$2} END{printf "%.1f %.2f\n", p/s, s}' "$1/run.json"
}

echo "bench: local run (SQLite, --jobs 2) on $docs documents" >&2
"${cli[@]}" run "$work/in" --out "$work/local" --jobs 2 >/dev/null 2>&1
local_rate=; read -r local_rate local_s < <(rate "$work/local")
[ -n "$local_rate" ] || { echo "bench: the local run wrote no run.json" >&2; exit 1; }

results=()
for n in 1 2; do
  db="${PG_THROWAWAY_URL%/postgres}/bench$n"
  "$(pg_bin)/psql" "${PG_THROWAWAY_URL}" -qc "CREATE DATABASE bench$n" >/dev/null
  for ((w = 1; w <= n; w++)); do
    "${cli[@]}" worker --store "$db" --name "bench$n-w$w" > "$work/w$n-$w.log" 2>&1 &
    workers+=($!)
    until grep -q joined "$work/w$n-$w.log"; do sleep 0.5; done
  done
  echo "bench: $n worker(s) joined; running --cluster on $docs documents" >&2
  "${cli[@]}" run "$work/in" --out "$work/cluster$n" --store "$db" --cluster >/dev/null 2>"$work/run$n.err" || { cat "$work/run$n.err" >&2; exit 1; }
  r=; s=; read -r r s < <(rate "$work/cluster$n")
  [ -n "$r" ] || { echo "bench: no run.json from the run with $n workers" >&2; ls -la "$work/cluster$n" >&2; cat "$work/run$n.err" >&2; exit 1; }
  results+=("| $n | $r | $s |")
  for f in claims.csv facts.csv conflicts.csv mentions.jsonl; do
    cmp -s "$work/local/$f" "$work/cluster$n/$f" || { echo "bench: $f differs from the local run with $n workers" >&2; exit 1; }
  done
  for p in "${workers[@]}"; do kill -TERM "$p"; wait "$p" 2>/dev/null; done
  workers=()
done

{
  echo "# Cluster benchmark"
  echo
  echo "\`bench/cluster.sh $docs\` on $(nproc) cores, $(date -u +%Y-%m-%d): $docs distinct articles (the seed corpus, each with a paragraph of"
  echo "its own); PostgreSQL on 127.0.0.1; every worker on this machine. Whole runs (read, dispatch, commit, reconcile, write"
  echo "datasets), the documents per second of run.json. The datasets of every run are byte-identical to the local one."
  echo "Load average when the benchmark started: $load (other work on the machine slows every row alike)."
  echo
  echo "| workers | docs/s | seconds |"
  echo "|---|---|---|"
  echo "| local (SQLite, --jobs 2) | $local_rate | $local_s |"
  printf '%s\n' "${results[@]}"
} > bench/CLUSTER.md
cat bench/CLUSTER.md
