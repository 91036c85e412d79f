package org.tinytitans.language.catalog;

import java.util.List;

/** Where a job runs. {@code argument} describes the optional value after the kind ("" when none). */
public record TargetInfo(String name, String argument, boolean argumentRequired, List<String> properties, String doc) {
    public TargetInfo {
        properties = List.copyOf(properties);
    }
}
