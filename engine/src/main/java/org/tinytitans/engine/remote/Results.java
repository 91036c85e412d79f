package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Brings a remote job's .titans/&lt;stem&gt; folder back beside the local spec. */
final class Results {
    private Results() {}

    /** Relative to the remote job folder. */
    static String remoteRel(Path spec) {
        return ".titans/" + RemotePaths.safeName(Shipping.stem(spec));
    }

    static Path local(Path spec) {
        return spec.toAbsolutePath().normalize().getParent().resolve(".titans").resolve(Shipping.stem(spec));
    }

    /** Copies jobDir/.titans/&lt;stem&gt; into the local .titans/&lt;stem&gt;, replacing files of the same name. */
    static Path fetch(Transport t, String jobDir, Path spec, String jobId) throws IOException {
        Path target = local(spec);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".incoming-" + jobId);
        Files.createDirectories(target.getParent());
        Trees.delete(tmp);
        t.download(RemotePaths.inside(jobDir, remoteRel(spec)), tmp);
        Trees.mergeInto(tmp, target);
        return target;
    }
}
