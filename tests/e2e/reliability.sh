#!/usr/bin/env bash
# The reliability suite (issue 10): fuzzing of the parser, checker, formatter and every language-server request;
# JSON-RPC protocol abuse and load against the real server (in-process pipes and the packaged jar over stdio);
# faults in jobs (SIGKILL, SIGSEGV, out of memory, full disk, corrupt weights, truncated data); bad inputs to
# every CLI command. Then the figures: cases tried, faults injected, failures.
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
printf '%-8s %-55s %10s %8s\n' module check cases faults
total_cases=0
total_faults=0
for m in "${modules[@]}"; do
    f="$m/target/reliability-$m.json"
    [ -f "$f" ] || continue
    # Figures files are Gson pretty-printed: "name": { "cases": N, "faults": N }
    while IFS=$'\t' read -r name cases faults; do
        printf '%-8s %-55s %10s %8s\n' "$m" "$name" "$cases" "$faults"
        total_cases=$((total_cases + cases))
        total_faults=$((total_faults + faults))
    done < <(awk '
        /^  "[^"]+": \{/ { match($0, /"[^"]+"/); name = substr($0, RSTART + 1, RLENGTH - 2) }
        /"cases":/ { gsub(/[^0-9]/, ""); cases = $0 }
        /"faults":/ { gsub(/[^0-9]/, ""); print name "\t" cases "\t" $0 }' "$f")
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
printf '%-64s %10s %8s\n' "total" "$total_cases" "$total_faults"
echo "tests: $tests, failures: $((failures + errors)), skipped: $skipped, time: ${elapsed}s"
if [ "$status" -ne 0 ] || [ $((failures + errors)) -ne 0 ] || [ "$tests" -eq 0 ]; then
    echo "reliability suite FAILED (see */target/surefire-reports)" >&2
    exit 1
fi
