#!/usr/bin/env bash
# The language server's class-data sharing (AppCDS), on the packaged jars (built here when missing):
# - LSP4J's jars in server/target/lib and cli/target/lib carry no signature (CDS skips every class of a signed jar);
# - a server started with -Dtitans.cds.archive=FILE (as `titans-cli lsp` and the VS Code extension start it) makes
#   FILE itself after its first session's warm-up, in the background, even when the editor closes it first;
# - a later start maps that archive, LSP4J's classes included (-Xshare:on: the JVM exits if it cannot), and answers.
# Timings are the benchmark's business (bench/run --only startup), not this script's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
fail() { echo "server-startup: FAILED: $*"; exit 1; }
if [ ! -f server/target/titans-server.jar ] || [ ! -d server/target/lib ] || [ ! -f cli/target/titans-cli.jar ]; then
  echo "server-startup: building the server and the CLI"
  ./mvnw -q -B -ntp -pl server,cli -am package -DskipTests
fi
command -v unzip >/dev/null || fail "unzip is not installed"
for jar in server/target/lib/org.eclipse.lsp4j*.jar cli/target/lib/org.eclipse.lsp4j*.jar; do
  [ -f "$jar" ] || fail "no LSP4J jar in $(dirname "$jar")"
  signatures="$(unzip -Z1 "$jar" | grep -E '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' || true)"
  [ -z "$signatures" ] || fail "$jar is signed ($signatures): class-data sharing would skip its classes"
done
echo "server-startup: LSP4J's jars in lib/ are unsigned"

work="$(mktemp -d "${TMPDIR:-/tmp}/server-startup.XXXXXX")"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
archive="$work/storage/titans-server.jsa"
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
initialize='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}'

# First session: initialize, initialized, then the editor goes away while the archive is still being made.
mkfifo "$work/in"
java -Dai.djl.offline=true -Dtitans.cds.archive="$archive" -jar server/target/titans-server.jar <"$work/in" >"$work/out1" 2>"$work/err1" &
server_pid=$!
exec 3>"$work/in"
frame "$initialize" >&3
frame '{"jsonrpc":"2.0","method":"initialized","params":{}}' >&3
for _ in $(seq 1 600); do
  ls "$work/storage"/titans-server.jsa.*.tmp >/dev/null 2>&1 && break
  [ -f "$archive" ] && break
  sleep 0.5
done
grep -q '"capabilities"' "$work/out1" || fail "no initialize answer; stderr: $(cat "$work/err1")"
exec 3>&-   # stdin closed: the server ends, the training goes on without it
wait "$server_pid" || true
server_pid=""
for _ in $(seq 1 600); do [ -f "$archive" ] && break; sleep 0.5; done
[ -f "$archive" ] || fail "no archive at $archive within 5 minutes of the first session"
ls "$work/storage" | grep -q '\.tmp$' && fail "a temporary archive was left behind: $(ls "$work/storage")"
echo "server-startup: the first session made $(basename "$archive") ($(( $(wc -c <"$archive") / 1000000 )) MB)"

# Second start: the archive must map (-Xshare:on) and hold LSP4J's classes; the server answers as before.
{ frame "$initialize"; frame '{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}'; frame '{"jsonrpc":"2.0","method":"exit","params":null}'; } \
  | java -Xshare:on -XX:SharedArchiveFile="$archive" -Xlog:disable -Xlog:all=warning:stderr -Xlog:class+load=info:file="$work/classes" \
      -Dai.djl.offline=true -jar server/target/titans-server.jar >"$work/out2" 2>"$work/err2" \
  || fail "the server did not start on its archive: $(cat "$work/err2")"
grep -q '"capabilities"' "$work/out2" || fail "no initialize answer on the archive; stderr: $(cat "$work/err2")"
shared="$(grep -c 'source: shared objects file (top)' "$work/classes" || true)"
lsp4j="$(grep 'source: shared objects file (top)' "$work/classes" | grep -c '\] org\.eclipse\.lsp4j\.' || true)"
[ "$lsp4j" -gt 100 ] || fail "only $lsp4j LSP4J classes came from the archive ($shared in all)"
echo "server-startup: a second start mapped the archive: $shared classes from it, $lsp4j of them LSP4J's"
echo "server-startup: passed"
