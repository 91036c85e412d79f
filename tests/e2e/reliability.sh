#!/usr/bin/env bash
# The reliability suite (issue 10): fuzzing of the parser, checker, formatter and every language-server request;
# JSON-RPC protocol abuse and load against the real server (in-process pipes and the packaged jar over stdio);
# faults in jobs (SIGKILL, SIGSEGV, out of memory, full disk, corrupt weights, truncated data); bad inputs to
# every CLI command. Then the figures: distinct inputs, requests, load events and injected faults, each in its
# own column, and the failures.
#
# Why a separate run: the suite takes a couple of minutes and needs the packaged server jar and root (tmpfs),
# so its test classes carry @Reliability (JUnit tag `reliability`, enabled only with TITANS_RELIABILITY=1):
# `mvn verify` reports them as skipped and this script, which run-tests calls after the main build, runs them.
# Options: TITANS_FUZZ_CASES (request-fuzz documents, default 4000), TITANS_FUZZ_SEED (default 20261128).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

modules=(server engine cli)
for m in "${modules[@]}"; do rm -f "$m/target/reliability-$m.json" "$m"/target/surefire-reports/TEST-*reliability*.xml; done

mvn_cmd=(./mvnw)
[ -x ./mvnw ] || mvn_cmd=(mvn)
offline=()
[ -d "${HOME}/.m2/repository/ai/djl" ] && offline=(-o)

start=$(date +%s)
status=0
# `test` (not surefire:test alone) so the reactor resolves sibling modules to their fresh target/classes.
TITANS_RELIABILITY=1 "${mvn_cmd[@]}" -q -B -ntp "${offline[@]}" -pl server,engine,cli -am test \
    -Dtest='**/reliability/*Test' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtitans.fuzz.cases="${TITANS_FUZZ_CASES:-4000}" -Dtitans.fuzz.seed="${TITANS_FUZZ_SEED:-20261128}" || status=$?
elapsed=$(( $(date +%s) - start ))

echo
echo "== reliability figures"
# Each kind of figure is its own column and its own total: distinct inputs tried, requests sent about them, load
# events (edits of a load test), and how many inputs were injected faults. They are never added to each other.
printf '%-8s %-50s %9s %9s %9s %7s\n' module check inputs requests load faults
total_inputs=0; total_requests=0; total_load=0; total_faults=0
for m in "${modules[@]}"; do
    f="$m/target/reliability-$m.json"
    [ -f "$f" ] || continue
    # Figures files are Gson pretty-printed: "name": { "inputs": N, "requests": N, "loadEvents": N, "faults": N }
    while IFS=$'\t' read -r name inputs requests load faults; do
        printf '%-8s %-50s %9s %9s %9s %7s\n' "$m" "$name" "$inputs" "$requests" "$load" "$faults"
        total_inputs=$((total_inputs + inputs)); total_requests=$((total_requests + requests))
        total_load=$((total_load + load)); total_faults=$((total_faults + faults))
    done < <(awk '
        /^  "[^"]+": \{/ { match($0, /"[^"]+"/); name = substr($0, RSTART + 1, RLENGTH - 2) }
        /"inputs":/ { gsub(/[^0-9]/, ""); inputs = $0 }
        /"requests":/ { gsub(/[^0-9]/, ""); requests = $0 }
        /"loadEvents":/ { gsub(/[^0-9]/, ""); load = $0 }
        /"faults":/ { gsub(/[^0-9]/, ""); print name "\t" inputs "\t" requests "\t" load "\t" $0 }' "$f")
done
tests=0; failures=0; errors=0; skipped=0
for x in server/target/surefire-reports/TEST-*reliability*.xml engine/target/surefire-reports/TEST-*reliability*.xml \
         cli/target/surefire-reports/TEST-*reliability*.xml; do
    [ -f "$x" ] || continue
    line=$(grep -m1 '<testsuite' "$x")
    attr() { echo "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    tests=$((tests + $(attr tests))); failures=$((failures + $(attr failures)))
    errors=$((errors + $(attr errors))); skipped=$((skipped + $(attr skipped)))
done
printf '%-59s %9s %9s %9s %7s\n' "total" "$total_inputs" "$total_requests" "$total_load" "$total_faults"
echo "tests: $tests, failures: $((failures + errors)), skipped: $skipped, time: ${elapsed}s"
if [ "$status" -ne 0 ] || [ $((failures + errors)) -ne 0 ] || [ "$tests" -eq 0 ]; then
    echo "reliability suite FAILED (see */target/surefire-reports)" >&2
    exit 1
fi
