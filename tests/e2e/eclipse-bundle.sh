#!/usr/bin/env bash
# The Eclipse bundle (eclipse/, its own Maven project): builds and checks it with the repository's ./mvnw.
# Unit tests: the connection provider's command line (java [vmargs] -jar titans-server.jar), plugin.xml wiring,
# the TextMate files are the VS Code extension's. BundleJarIT, on the packaged jar: the manifest headers, and
# every class and file plugin.xml names is in the jar (with the language server when it has been built).
# Starting a real Eclipse needs p2 downloads, so that smoke test is manual (docs/eclipse.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [ ! -f server/target/titans-server.jar ] || [ ! -d server/target/lib ]; then
  echo "eclipse-bundle: building the language server"
  ./mvnw -q -B -ntp -pl server -am package -DskipTests
fi
./mvnw -B -q -ntp -f eclipse/pom.xml verify
jar="eclipse/bundle/target/titans-eclipse-0.1.0.jar"
echo "eclipse-bundle: passed ($jar, $(du -h "$jar" | cut -f1); drop it into Eclipse's dropins/)"
