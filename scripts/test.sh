#!/usr/bin/env bash
# Runs every test of TTĐN on this machine: installs what the tests need (Chromium, PostgreSQL, fonts),
# builds with warnings as errors, runs unit, integration (SQLite + a throwaway PostgreSQL cluster on
# loopback) and browser tests, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh || { echo "Could not install test dependencies."; echo "0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Ttdn.sln -c Release -nologo -v quiet; then
  echo "Build failed (warnings are errors)."
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
status=0
for project in tests/Ttdn.Vietnamese.Tests tests/Ttdn.Tests tests/Ttdn.BrowserTests; do
  echo "== $project"
  # Summaries, and each failing test in full (message and stack), so a CI log says why without a rerun.
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$log" \
    | awk '/^ *(Passed|Failed)! /{print; next} /^  Failed /{n=60} n>0{print; n--}' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# Each test assembly prints "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T".
summaries=$(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+" "$log")
passed=$(echo "$summaries" | sed -E 's/.*Passed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(echo "$summaries" | sed -E 's/.*Failed: +([0-9]+), +Passed.*/\1/' | awk '{s+=$1} END {print s+0}')
assemblies=$(echo "$summaries" | grep -c . || true)
if [ "$assemblies" -lt 3 ]; then
  echo "Only $assemblies of 3 test assemblies reported results (a test host crashed?)."
  failed=$((failed + 1)); status=1
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
