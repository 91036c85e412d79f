package org.tinytitans.language.catalog;

/**
 * One pruning method the engine runs: a criterion applied at a granularity to a model family. The catalog's list
 * of these is the one statement of which criterion fits where; the engine's registry holds the same entries
 * (a test in the engine compares both ways).
 */
public record MethodInfo(String granularity, ModelFamily family, String criterion) {}
