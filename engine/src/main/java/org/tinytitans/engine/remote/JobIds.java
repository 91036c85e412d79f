package org.tinytitans.engine.remote;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Fresh job folder names: sortable by time, unique by a random suffix ("20261128-180501-3fa9c2"). */
final class JobIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private JobIds() {}

    static String fresh() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return ZonedDateTime.now(ZoneOffset.UTC).format(FORMAT) + "-" + HexFormat.of().formatHex(b);
    }
}
