#!/usr/bin/env bash
# Runs the test suite (installs what is missing, builds in Release) and ends with one line:
# "N passed, N failed, N skipped". Extra arguments go to `dotnet test`, e.g. ./test.sh --filter Cleaning
set -uo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh || exit $?
set +e  # setup.sh turns on errexit; this script reports failures itself
dotnet build Pipeline.sln -c Release -v q -nologo -clp:ErrorsOnly || exit $?
# The store and cluster tests use a throwaway PostgreSQL (installed with apt when missing, started in a temporary
# folder on 127.0.0.1, stopped at exit). Without one they skip, saying so. PIPELINE_TEST_POSTGRES=URL uses yours.
source scripts/postgres.sh
if [ -z "${PIPELINE_TEST_POSTGRES:-}" ]; then
  if pg_throwaway_start; then
    trap pg_throwaway_stop EXIT
    export PIPELINE_TEST_POSTGRES=$PG_THROWAWAY_URL
    echo "test.sh: throwaway PostgreSQL at $PIPELINE_TEST_POSTGRES" >&2
  else
    echo "test.sh: no PostgreSQL: the store and cluster tests will skip" >&2
  fi
fi
results=TestResults
rm -rf "$results"
log="$results/console.log"
mkdir -p "$results"
dotnet test tests/Pipeline.Tests/Pipeline.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The runner's summary ("Total tests: 533" then "Passed: 514", "Failed: …", "Skipped: 19" lines, each only when not
# zero) counts tests skipped for missing shared data and leaves out [Explicit] benchmarks; the TRX file's notExecuted
# counter stays 0 for both.
if grep -qE '^Total tests: *[0-9]+' "$log"; then
  count() { sed -n '/^Total tests:/,$p' "$log" | grep -oE "^ *$1: *[0-9]+" | grep -oE '[0-9]+' | tail -1 || true; }
  passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
  echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
else
  echo "0 passed, 1 failed, 0 skipped"
  [ $status -eq 0 ] && status=1
fi
exit $status
