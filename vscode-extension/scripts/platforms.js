// The platforms the extension ships for: VS Code's target name -> the classifier of DJL's PyTorch CPU natives jar
// (ai.djl.pytorch:pytorch-native-cpu:<version>:<classifier>). The Maven build names the same four
// (server/pom.xml's dist profile, cli/src/assembly/*.xml).
const TARGETS = {
  'linux-x64': 'linux-x86_64',
  'linux-arm64': 'linux-aarch64',
  'darwin-arm64': 'osx-aarch64',
  'win32-x64': 'win-x86_64',
};

/** The target of this machine (`${process.platform}-${process.arch}`), or undefined when none is shipped for it. */
function currentTarget(platform = process.platform, arch = process.arch) {
  const t = `${platform}-${arch}`;
  return TARGETS[t] ? t : undefined;
}

/** The .vsix file name for a target, as `npm run package -- --target <t>` writes it. */
function vsixName(target) {
  return `tiny-titans-${target}.vsix`;
}

/** Whether a file name is the CPU natives jar for a DJL classifier, e.g. pytorch-native-cpu-2.7.1-osx-aarch64.jar. */
function isNativesJarFor(name, classifier) {
  return new RegExp(`^pytorch-native-cpu-[0-9][^/]*-${classifier}\\.jar$`).test(name);
}

module.exports = { TARGETS, currentTarget, vsixName, isNativesJarFor };
