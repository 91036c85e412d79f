package org.tinytitans.language.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A statement that may stand in an experiment (or at the top level as a default).
 *
 * @param argument what follows the keyword: NONE, NAME (experiment), MODEL, DATASET, GRANULARITY,
 *                 TARGET, METRICS (measure), EXPECT (expect), FORMAT (export)
 * @param hasBody  whether a '{ ... }' body is allowed
 * @param repeatable whether it may appear several times in one experiment (prune, expect, measure)
 */
public record BlockInfo(String name, String doc, Argument argument, boolean hasBody, boolean repeatable,
                        List<PropertyInfo> properties, String example) {
    public enum Argument { NONE, NAME, MODEL, DATASET, GRANULARITY, TARGET, METRICS, EXPECT, FORMAT }

    public BlockInfo {
        properties = List.copyOf(properties);
    }

    public Optional<PropertyInfo> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
