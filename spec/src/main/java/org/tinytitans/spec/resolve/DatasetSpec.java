package org.tinytitans.spec.resolve;

import java.util.List;

import org.tinytitans.spec.Range;

/** @param path as written, or the catalog's default path; samples null = all */
public record DatasetSpec(String name, String path, Integer samples, String split, int batch, Integer classes,
                          int seqLen, List<String> tasks, Range range) {}
