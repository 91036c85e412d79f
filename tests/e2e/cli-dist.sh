#!/usr/bin/env bash
# The per-platform CLI distributions, cli/target/dist/titans-cli-<platform>.zip (./mvnw package -Pdist; built here
# when missing). For each of linux-x64, linux-arm64, darwin-arm64, win32-x64: titans-cli.jar, both launchers (the bash
# one executable), lib/ with exactly cli/target/lib's jars (the JNI glue pytorch-jni among them, no natives), and
# natives/ holding that platform's PyTorch CPU natives jar alone, whose libraries are that platform's only; the jar's
# Class-Path names no natives. Then this machine's zip is unpacked and its launcher run for real (--version, check).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dist=cli/target/dist
targets="linux-x64:linux-x86_64 linux-arm64:linux-aarch64 darwin-arm64:osx-aarch64 win32-x64:win-x86_64"
missing=0
for pair in $targets; do [ -f "$dist/titans-cli-${pair%%:*}.zip" ] || missing=1; done
if [ "$missing" = 1 ] || [ ! -d cli/target/lib ]; then
  echo "cli-dist: building the distributions (-Pdist)"
  ./mvnw -q -B -ntp -pl cli -am package -DskipTests -Pdist
fi
command -v unzip >/dev/null || { echo "cli-dist: FAILED (unzip is not installed)"; exit 1; }

fail() { echo "cli-dist: FAILED: $*"; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/cli-dist.XXXXXX")"
trap 'rm -rf "$work"' EXIT
expected_libs="$(cd cli/target/lib && ls ./*.jar | sed 's|^\./|titans-cli/lib/|' | sort)"
echo "$expected_libs" | grep -q '/pytorch-jni-' || fail "cli/target/lib has no pytorch-jni (the JNI glue)"
echo "$expected_libs" | grep -q 'pytorch-native' && fail "cli/target/lib holds a natives jar"
for pair in $targets; do
  t="${pair%%:*}"; c="${pair##*:}"; zip="$dist/titans-cli-$t.zip"
  list="$(unzip -Z1 "$zip" | grep -v '/$' | sort)"
  [ "$(echo "$list" | grep '^titans-cli/lib/')" = "$expected_libs" ] || fail "$zip: lib/ differs from cli/target/lib"
  natives="$(echo "$list" | grep '^titans-cli/natives/' || true)"
  [[ "$natives" =~ ^titans-cli/natives/pytorch-native-cpu-[0-9.]+-$c\.jar$ ]] || fail "$zip: natives/ must hold the $c jar alone, holds: ${natives:-nothing}"
  others="$(echo "$list" | grep -v -e '^titans-cli/lib/' -e '^titans-cli/natives/' | tr '\n' ' ')"
  [ "$others" = "titans-cli/titans-cli titans-cli/titans-cli.cmd titans-cli/titans-cli.jar " ] || fail "$zip: unexpected files: $others"
  unzip -Z "$zip" titans-cli/titans-cli | grep -q '^-rwxr-xr-x' || fail "$zip: the launcher is not executable"
  unzip -p "$zip" titans-cli/titans-cli.jar > "$work/cli.jar"
  unzip -p "$work/cli.jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q 'pytorch-native' && fail "$zip: titans-cli.jar's Class-Path names a natives jar"
  unzip -p "$zip" "$natives" > "$work/natives.jar"
  libs="$(unzip -Z1 "$work/natives.jar" | grep -E '\.(so|dylib|dll)(\.[0-9.]+)?$')"
  echo "$libs" | grep -v "^pytorch/cpu/$c/" && fail "$zip: the natives jar holds another platform's libraries (above)"
  echo "$libs" | grep -qE "^pytorch/cpu/$c/(lib)?torch\.(so|dylib|dll)$" || fail "$zip: no libtorch in the natives jar"
  echo "cli-dist: $zip $(( $(wc -c <"$zip") / 1000000 )) MB: natives/$(basename "$natives"), $(echo "$expected_libs" | wc -l | tr -d ' ') libraries, launchers"
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) here=linux-x64 ;; Linux-aarch64) here=linux-arm64 ;; Darwin-arm64) here=darwin-arm64 ;; *) here="" ;;
esac
if [ -n "$here" ]; then
  (cd "$work" && unzip -q "$root/$dist/titans-cli-$here.zip")
  version="$("$work/titans-cli/titans-cli" --version)" || fail "the unpacked $here launcher did not run"
  echo "$version" | grep -q '^titans-cli ' || fail "unexpected --version output: $version"
  "$work/titans-cli/titans-cli" check "$root/samples/quickstart.prune" >/dev/null || fail "the unpacked $here launcher could not check a spec"
  [ ! -e "$work/titans-cli/.titans-built" ] || fail "the distribution's launcher tried to build"
  echo "cli-dist: the unpacked $here distribution runs: $(echo "$version" | head -n 1)"
fi
echo "cli-dist: passed"
