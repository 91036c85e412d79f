package org.tinytitans.engine.graph;

import java.util.List;

/**
 * A conv whose output filters can be removed together: with them go the matching entries of the {@code tied}
 * layers (its batch norm, depthwise convs in between) and the matching input channels of the {@code consumers}
 * (the next conv, or a dense layer after a flatten, which loses {@code in/width} features per filter).
 */
public record FilterGroup(String conv, int width, List<String> tied, List<String> consumers) {}
