package org.tinytitans.language.resolve;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * @param path       as written, or the catalog's default path
 * @param samples    as written, or the dataset kind's default (catalog: DatasetInfo.samples); null = all
 * @param classes    `classes N`, or null
 * @param classList  `classes "file.txt"` as written, or null
 * @param preprocess the image recipe named by `preprocess`, or the catalog's default
 */
public record DatasetSpec(String name, String path, Integer samples, String split, int batch, Integer classes,
                          String classList, String preprocess, int seqLen, List<String> tasks, Range range) {}
