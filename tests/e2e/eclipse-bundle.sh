#!/usr/bin/env bash
# The Eclipse bundle (eclipse/, its own Maven project): builds and checks it with the repository's ./mvnw.
# Unit tests: the connection provider's command line (java [vmargs] -jar titans-server.jar), plugin.xml wiring,
# the TextMate files are the VS Code extension's. BundleJarIT, on the packaged jar: the manifest headers, and
# every class and file plugin.xml names is in the jar (with the language server when it has been built).
# PlatformBundlesIT, on the four titans-eclipse-0.1.0-<platform>.jar: the plain bundle plus server/natives/ with
# that platform's PyTorch CPU natives alone (libtorch inside, no other platform's libraries), the Eclipse-PlatformFilter.
# Starting a real Eclipse needs p2 downloads, so that smoke test is manual (docs/eclipse.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# The platform bundles take their natives from server/target/dist-natives (every platform's, -Pdist).
if [ ! -f server/target/titans-server.jar ] || [ ! -d server/target/lib ] || [ ! -d server/target/dist-natives ]; then
  echo "eclipse-bundle: building the language server with every platform's natives"
  ./mvnw -q -B -ntp -pl server -am package -DskipTests -Pdist
fi
# clean: server/ in target/classes is copied, never pruned, so a jar left from an older build would stay in it
./mvnw -B -q -ntp -f eclipse/pom.xml clean verify
echo "eclipse-bundle: passed; the platform bundles (drop the one for the machine into Eclipse's dropins/):"
for jar in eclipse/bundle/target/titans-eclipse-0.1.0-*.jar; do
  echo "  $jar $(( $(wc -c <"$jar") / 1000000 )) MB"
done
