package org.tinytitans.engine.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The "remote side" is this machine: sbatch on PATH here, or tests. */
final class LocalTransport implements Transport {

    @Override
    public String where() {
        return "this machine";
    }

    @Override
    public ProcessBuilder shell(String script) {
        return new ProcessBuilder(List.of("sh", "-c", script));
    }

    @Override
    public void upload(Path file, String remotePath) throws IOException {
        Path target = Path.of(remotePath);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void uploadDir(Path dir, String remotePath) throws IOException {
        Path target = Path.of(remotePath);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".part");
        Trees.copy(dir, tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            Trees.delete(tmp); // another job put the same content there first
            if (!Files.isDirectory(target)) throw raced;
        }
    }

    @Override
    public void download(String remoteDir, Path local) throws IOException {
        Trees.copy(Path.of(remoteDir), local);
    }
}
