#!/usr/bin/env node
// Copies the built language server into vscode-extension/server/ so the .vsix carries it: titans-server.jar,
// lib/*.jar (its manifest Class-Path) and natives/ with the one CPU natives jar of the target platform, which the
// engine unpacks as its offline libtorch (never on the class path). Usage: copy-server.js [--target <t>].
// The natives come from <server>/natives (the build's own platform) or <server>/dist-natives (all four, from
// `./mvnw -pl server -am package -Pdist`). TITANS_SERVER_DIR overrides where the server was built (default
// ../server/target), TITANS_SERVER_OUT where it goes.
const fs = require('fs');
const path = require('path');
const { TARGETS, currentTarget, isNativesJarFor } = require('./platforms');

const root = path.resolve(__dirname, '..');

class PackagingError extends Error {}

/** The target named by `--target <t>` or `--target=<t>` in argv, else this machine's; unknown names are errors. */
function targetFrom(argv) {
  const i = argv.findIndex((a) => a === '--target' || a.startsWith('--target='));
  const named = i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice('--target='.length) : argv[i + 1];
  const target = named ?? currentTarget();
  if (!target || !TARGETS[target]) {
    throw new PackagingError(
      `${named ? `Unknown target "${named}"` : `No package is built for this machine (${process.platform}-${process.arch})`}; ` +
        `the targets are ${Object.keys(TARGETS).join(', ')}: npm run package -- --target <target>`,
    );
  }
  return target;
}

/** The natives jar for a target in the server build, or a PackagingError saying how to build it. */
function nativesJar(from, target) {
  const classifier = TARGETS[target];
  for (const dir of ['natives', 'dist-natives']) {
    const d = path.join(from, dir);
    const jar = fs.existsSync(d) ? fs.readdirSync(d).find((f) => isNativesJarFor(f, classifier)) : undefined;
    if (jar) return path.join(d, jar);
  }
  throw new PackagingError(
    `Cannot package for ${target}: the PyTorch CPU natives for ${classifier} are not in ${path.join(from, 'natives')} ` +
      `or ${path.join(from, 'dist-natives')}.\nBuild the server with every platform's natives, from the repository root:\n` +
      '  ./mvnw -q -B -pl server -am package -DskipTests -Pdist',
  );
}

/** Copies server jar, lib/ and the target's natives into `to`, replacing what was there. */
function copyServer(from, to, target) {
  const jar = path.join(from, 'titans-server.jar');
  const lib = path.join(from, 'lib');
  if (!fs.existsSync(jar) || !fs.existsSync(lib)) {
    throw new PackagingError(
      `Cannot package the extension: the language server is not built (${fs.existsSync(jar) ? lib : jar} is missing).\n` +
        'Build the server first, from the repository root:\n' +
        '  ./mvnw -q -B -pl server -am package -DskipTests\n' +
        'then run `npm run package` again in vscode-extension/.',
    );
  }
  const natives = nativesJar(from, target);
  const jars = fs.readdirSync(lib).filter((f) => f.endsWith('.jar'));
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.join(to, 'lib'), { recursive: true });
  fs.mkdirSync(path.join(to, 'natives'));
  fs.copyFileSync(jar, path.join(to, 'titans-server.jar'));
  jars.forEach((f) => fs.copyFileSync(path.join(lib, f), path.join(to, 'lib', f)));
  fs.copyFileSync(natives, path.join(to, 'natives', path.basename(natives)));
  return { jars: jars.length, natives: path.basename(natives) };
}

function serverDirs() {
  return {
    from: path.resolve(process.env.TITANS_SERVER_DIR ?? path.join(root, '..', 'server', 'target')),
    to: path.resolve(process.env.TITANS_SERVER_OUT ?? path.join(root, 'server')),
  };
}

if (require.main === module) {
  try {
    const target = targetFrom(process.argv.slice(2));
    const { from, to } = serverDirs();
    const copied = copyServer(from, to, target);
    console.log(`Copied titans-server.jar, ${copied.jars} libraries and natives/${copied.natives} (${target}) from ${from} into ${path.relative(root, to) || to}.`);
  } catch (e) {
    if (!(e instanceof PackagingError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

module.exports = { PackagingError, targetFrom, copyServer, serverDirs };
