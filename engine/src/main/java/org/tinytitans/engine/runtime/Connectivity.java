package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether DJL's download server answers: a TCP connect with a short timeout, asked only when it matters. */
final class Connectivity {
    static final String HOST = "publish.djl.ai";

    private Connectivity() {}

    static boolean djlReachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, 443), 800);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
