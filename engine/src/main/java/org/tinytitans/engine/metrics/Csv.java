package org.tinytitans.engine.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The bundled tables' CSV dialect: '#' comment lines, one header line, plain comma-separated fields. */
final class Csv {
    private Csv() {
    }

    static List<String[]> rows(BufferedReader r, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != columns) {
                throw new IllegalStateException("bundled table line " + lineNo + ": expected " + columns
                        + " fields, got " + f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            rows.add(f);
        }
        return rows;
    }
}
