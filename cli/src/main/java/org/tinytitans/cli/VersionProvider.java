package org.tinytitans.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest, so it never drifts from the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TitansCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "titans-cli " + (v == null ? "(development build)" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
