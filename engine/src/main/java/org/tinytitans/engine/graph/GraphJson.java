package org.tinytitans.engine.graph;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;

/** The graph as JSON, as stored inside saved models (pruned widths and removed blocks included). */
public final class GraphJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private record Doc(int format, String name, int height, int width, List<Layer> layers, List<ResidualBlock> blocks) {}

    private GraphJson() {}

    public static String write(Graph g) {
        return GSON.toJson(new Doc(1, g.name(), g.height(), g.width(), g.layers(), g.blocks()));
    }

    public static Graph read(String json) {
        Doc d;
        try {
            d = GSON.fromJson(json, Doc.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("graph JSON is malformed: " + e.getMessage(), e);
        }
        if (d == null || d.layers() == null || d.layers().isEmpty()) {
            throw new IllegalArgumentException("graph JSON holds no layers");
        }
        return new Graph(d.name(), d.height(), d.width(), d.layers(), d.blocks() == null ? List.of() : d.blocks());
    }
}
