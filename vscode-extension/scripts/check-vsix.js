#!/usr/bin/env node
// Checks what the packaged .vsix files hold. Usage: check-vsix.js [file.vsix ...]; without files, the four
// platform packages tiny-titans-<target>.vsix in vscode-extension/, each of which must exist (build them with
// `npm run package:all`; TITANS_VSIX_DIR looks elsewhere): a check that finds nothing to check fails.
// Per package: the manifest, compiled code, grammar, language configuration, the language server with its
// libraries (the JNI glue pytorch-jni among them); VS Code's target platform is the file's; server/natives/ holds
// exactly one jar, the PyTorch CPU natives for that platform, whose libraries are that platform's alone; no
// natives jar anywhere else (lib/, the class path); and the size is the natives plus a bounded rest.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { TARGETS, vsixName, isNativesJarFor } = require('./platforms');

// TITANS_VSIX_DIR: where to look for the four packages (default vscode-extension/).
const root = path.resolve(process.env.TITANS_VSIX_DIR ?? path.join(__dirname, '..'));
const MB = 1000 * 1000;
/**
 * Everything but the natives (server jars ~60 MB, of which ONNX Runtime 29 MB and the tokenizers 19 MB, both with
 * their natives for every platform; client code and node_modules ~1 MB; compressed): a ceiling.
 */
const REST_LIMIT_MB = 70;
/** libtorch's main library, as each platform names it. */
const LIBTORCH = { 'linux-x86_64': 'libtorch.so', 'linux-aarch64': 'libtorch.so', 'osx-aarch64': 'libtorch.dylib', 'win-x86_64': 'torch.dll' };

const unzipList = (file) => execFileSync('unzip', ['-Z1', file], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').filter(Boolean);
const unzipText = (file, entry) => execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 1 << 26 });
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;

/** The target a package was built for: from its name when it follows tiny-titans-<t>.vsix, else its manifest. */
function targetOf(vsix, manifestXml) {
  const byName = Object.keys(TARGETS).find((t) => path.basename(vsix) === vsixName(t));
  const declared = /TargetPlatform="([^"]+)"/.exec(manifestXml)?.[1];
  return { target: byName ?? declared, declared };
}

/** The problems of one package, and a line saying what it holds. */
function check(vsix) {
  const problems = [];
  const listing = unzipList(vsix);
  const required = [
    'extension/package.json',
    'extension/out/src/extension.js',
    'extension/syntaxes/prune.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/snippets/prune.json',
    'extension/icons/prune-file.svg',
    'extension/server/titans-server.jar',
    'extension/node_modules/vscode-languageclient/package.json',
  ];
  required.filter((f) => !listing.includes(f)).forEach((f) => problems.push(`missing ${f}`));
  const libs = listing.filter((f) => /^extension\/server\/lib\/[^/]+\.jar$/.test(f));
  if (libs.length === 0) problems.push('no server libraries under extension/server/lib/');
  if (!libs.some((f) => /\/pytorch-jni-[^/]+\.jar$/.test(f))) problems.push('no JNI glue (pytorch-jni) in extension/server/lib/');
  listing
    .filter((f) => /^extension\/(src|test|out\/test|target)\/|\.ts$|\.map$|node_modules\/(typescript|@vscode\/vsce)\//.test(f))
    .slice(0, 5)
    .forEach((f) => problems.push(`should not be packaged: ${f}`));
  const manifest = listing.includes('extension/package.json') ? JSON.parse(unzipText(vsix, 'extension/package.json')) : {};
  if (manifest.engines?.vscode !== '^1.91.0') problems.push(`engines.vscode is ${manifest.engines?.vscode}`);

  const vsixManifest = listing.includes('extension.vsixmanifest') ? unzipText(vsix, 'extension.vsixmanifest') : '';
  const { target, declared } = targetOf(vsix, vsixManifest);
  if (!target || !TARGETS[target]) {
    problems.push(`not a platform package: ${path.basename(vsix)} declares target ${declared ?? '(none)'}`);
    return { problems, summary: '' };
  }
  if (declared !== target) problems.push(`extension.vsixmanifest declares TargetPlatform ${declared ?? '(none)'}, not ${target}`);
  const classifier = TARGETS[target];

  const nativesAnywhere = listing.filter((f) => /\/pytorch-native-[^/]*\.jar$/.test(f));
  const natives = listing.filter((f) => f.startsWith('extension/server/natives/') && !f.endsWith('/'));
  if (natives.length !== 1 || !isNativesJarFor(path.basename(natives[0] ?? ''), classifier)) {
    problems.push(`extension/server/natives/ must hold the ${classifier} CPU natives jar alone; it holds: ${natives.map((f) => path.basename(f)).join(', ') || 'nothing'}`);
  }
  nativesAnywhere.filter((f) => !natives.includes(f)).forEach((f) => problems.push(`a natives jar outside server/natives/: ${f}`));
  const classPath = listing.includes('extension/server/titans-server.jar') ? serverClassPath(vsix) : '';
  if (/pytorch-native/.test(classPath)) problems.push('titans-server.jar puts a pytorch-native jar on its Class-Path');

  let nativesSize = 0;
  if (natives.length === 1) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'titans-vsix-'));
    try {
      execFileSync('unzip', ['-q', '-o', vsix, natives[0], '-d', tmp]);
      const jar = path.join(tmp, natives[0]);
      nativesSize = fs.statSync(jar).size;
      const libsInJar = unzipList(jar).filter((f) => /\.(so|dylib|dll)(\.[0-9.]+)?$/.test(f));
      const foreign = libsInJar.filter((f) => !f.startsWith(`pytorch/cpu/${classifier}/`));
      if (foreign.length > 0) problems.push(`the natives jar holds another platform's libraries: ${foreign.slice(0, 3).join(', ')}`);
      if (!libsInJar.includes(`pytorch/cpu/${classifier}/${LIBTORCH[classifier]}`)) {
        problems.push(`the natives jar lacks pytorch/cpu/${classifier}/${LIBTORCH[classifier]}`);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const size = fs.statSync(vsix).size;
  if (nativesSize > 0 && size - nativesSize > REST_LIMIT_MB * MB) {
    problems.push(`${mb(size)} is ${mb(size - nativesSize)} besides the natives, over the ${REST_LIMIT_MB} MB expected`);
  }
  const summary = `${path.basename(vsix)}: ${mb(size)} (${target}; natives ${classifier} ${mb(nativesSize)}, rest ${mb(size - nativesSize)}), ${listing.length} files, ${libs.length} server libraries`;
  return { problems, summary };
}

/** The Class-Path header of the packaged server jar. */
function serverClassPath(vsix) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'titans-vsix-'));
  try {
    execFileSync('unzip', ['-q', '-o', vsix, 'extension/server/titans-server.jar', '-d', tmp]);
    const mf = unzipText(path.join(tmp, 'extension/server/titans-server.jar'), 'META-INF/MANIFEST.MF');
    // manifest lines wrap at 72 bytes with a leading space on the continuation
    return (/^Class-Path:(.*(?:\r?\n .*)*)/m.exec(mf)?.[1] ?? '').replace(/\r?\n /g, '');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const given = process.argv.slice(2);
const files = given.length > 0 ? given : Object.keys(TARGETS).map((t) => path.join(root, vsixName(t)));
const missing = files.filter((f) => !fs.existsSync(f));
if (missing.length > 0) {
  console.error(`vsix check FAILED: ${missing.map((f) => path.basename(f)).join(', ')} not built (npm run package:all, after building the server with -Pdist).`);
  process.exit(1);
}
let failed = false;
for (const f of files) {
  const { problems, summary } = check(f);
  if (problems.length > 0) {
    failed = true;
    console.error(`vsix check FAILED for ${path.basename(f)}:\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`vsix check passed: ${summary}`);
  }
}
process.exit(failed ? 1 : 0);
