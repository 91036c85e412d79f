#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest for Node 20) and puppeteer-core 25.16.0 into a
# cache folder, or reuses the folder when a previous run finished installing them. Prints the folder on the
# last line of stdout. Exit 0: ready; exit 3: cannot install here (the reason is on stderr); the caller skips.
#   TITANS_E2E_CACHE  the cache folder (default ~/.cache/titans-e2e)
# Needs: node + npm, gcc/g++/make/python3 (native modules), libkrb5-dev (kerberos), ripgrep (see below).
set -euo pipefail
CODE_SERVER_VERSION=4.100.3
PUPPETEER_VERSION=25.16.0
# code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall downloads ripgrep 13.0.0 from
# GitHub. Seeding its download cache with Debian's rg (also 13.0.0) keeps the install offline-friendly.
RIPGREP_PKG=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

cache="${TITANS_E2E_CACHE:-$HOME/.cache/titans-e2e}"
stamp="code-server@$CODE_SERVER_VERSION puppeteer-core@$PUPPETEER_VERSION"
cannot() { echo "cannot install code-server: $*" >&2; exit 3; }

if [ -f "$cache/.installed" ] && [ "$(cat "$cache/.installed")" = "$stamp" ] \
   && [ -x "$cache/node_modules/.bin/code-server" ] && [ -d "$cache/node_modules/puppeteer-core" ]; then
  echo "vscode-e2e: reusing $stamp in $cache" >&2
  echo "$cache"; exit 0
fi

command -v npm >/dev/null 2>&1 || cannot "npm is not installed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || cannot "Node $node_major is too old (code-server $CODE_SERVER_VERSION needs Node 20)"
for tool in gcc g++ make python3; do
  command -v "$tool" >/dev/null 2>&1 || cannot "$tool is missing (native modules are built at install: apt-get install build-essential python3)"
done
command -v krb5-config >/dev/null 2>&1 || cannot "libkrb5-dev is missing (apt-get install libkrb5-dev)"
rg="$(command -v rg || true)"
[ -n "$rg" ] || cannot "ripgrep is missing (apt-get install ripgrep): its binary seeds @vscode/ripgrep's download"
case "$(uname -m)" in x86_64) ;; *) cannot "the ripgrep seeding is for x86_64 only, not $(uname -m)";; esac

echo "vscode-e2e: installing $stamp into $cache (about a minute)" >&2
rm -rf "$cache/node_modules" "$cache/.installed" "$cache/tmp"
mkdir -p "$cache/tmp/vscode-ripgrep-cache-$RIPGREP_PKG" "$cache/rg"
cp "$rg" "$cache/rg/rg"
tar czf "$cache/tmp/vscode-ripgrep-cache-$RIPGREP_PKG/$RIPGREP_ASSET" -C "$cache/rg" rg
printf '{ "private": true, "description": "code-server and puppeteer-core for tests/e2e/vscode-e2e.sh" }\n' > "$cache/package.json"
# --unsafe-perm: code-server's postinstall refuses to run as root without it; npm_config_yes: node-pty's
# postinstall runs `npx node-gyp`, which a `yes=false` npmrc would cancel; --nodedir: the distribution's headers.
nodedir=(); [ -f /usr/include/node/node.h ] && nodedir=(--nodedir=/usr)
if ! npm_config_yes=true TMPDIR="$cache/tmp" npm install --prefix "$cache" --cache "$cache/npm-cache" \
      "${nodedir[@]}" --unsafe-perm --no-audit --no-fund --no-save --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" "puppeteer-core@$PUPPETEER_VERSION" >"$cache/npm-install.log" 2>&1; then
  tail -30 "$cache/npm-install.log" >&2
  cannot "npm install failed (log: $cache/npm-install.log)"
fi
[ -x "$cache/node_modules/.bin/code-server" ] || cannot "npm install left no code-server binary (log: $cache/npm-install.log)"
echo "$stamp" > "$cache/.installed"
echo "$cache"
