package org.tinytitans.engine.runtime;

import java.util.Locale;

/** This machine as DJL names platforms (the classifier of its native jars and cache folders). */
public final class Platforms {
    private Platforms() {}

    /** linux-x86_64, linux-aarch64, osx-aarch64, osx-x86_64 or win-x86_64. */
    public static String classifier() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("mac") || os.startsWith("darwin") ? "osx" : os.startsWith("win") ? "win" : "linux";
        String arch = osArch.equals("amd64") || osArch.equals("x86_64") ? "x86_64"
                : osArch.equals("arm64") || osArch.equals("aarch64") ? "aarch64" : osArch;
        return system + "-" + arch;
    }

    /** libtorch's main library file in a folder: libtorch.so, libtorch.dylib or torch.dll. */
    public static String libtorchFile(String classifier) {
        return classifier.startsWith("win") ? "torch.dll" : classifier.startsWith("osx") ? "libtorch.dylib" : "libtorch.so";
    }

    /** DJL's JNI glue file name on this platform. */
    public static String glueFile(String classifier) {
        return classifier.startsWith("win") ? "djl_torch.dll" : classifier.startsWith("osx") ? "libdjl_torch.dylib" : "libdjl_torch.so";
    }
}
