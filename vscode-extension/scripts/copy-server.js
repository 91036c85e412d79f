#!/usr/bin/env node
// prepackage: copies the built language server (titans-server.jar + lib/*.jar) into vscode-extension/server/
// so the .vsix carries it. TITANS_SERVER_DIR overrides where the server was built (default ../server/target).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const from = path.resolve(process.env.TITANS_SERVER_DIR ?? path.join(root, '..', 'server', 'target'));
const to = path.resolve(process.env.TITANS_SERVER_OUT ?? path.join(root, 'server'));
const jar = path.join(from, 'titans-server.jar');
const lib = path.join(from, 'lib');

if (!fs.existsSync(jar) || !fs.existsSync(lib)) {
  console.error(
    `Cannot package the extension: the language server is not built (${fs.existsSync(jar) ? lib : jar} is missing).\n` +
      'Build the server first, from the repository root:\n' +
      '  mvn -q -B -pl server -am package -DskipTests\n' +
      'then run `npm run package` again in vscode-extension/.',
  );
  process.exit(1);
}
const jars = fs.readdirSync(lib).filter((f) => f.endsWith('.jar'));
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(path.join(to, 'lib'), { recursive: true });
fs.copyFileSync(jar, path.join(to, 'titans-server.jar'));
jars.forEach((f) => fs.copyFileSync(path.join(lib, f), path.join(to, 'lib', f)));
console.log(`Copied titans-server.jar and ${jars.length} libraries from ${from} into ${path.relative(root, to) || to}.`);
