package org.tinytitans.language.resolve;

import org.tinytitans.language.ast.Range;

/**
 * @param name    zoo name (resnet56, mnist-cnn, hf...)
 * @param weights weights path as written (relative to the spec's folder), or null
 * @param input   input shape without batch, or null for the zoo default
 * @param classes number of classes, or null for the zoo default
 * @param format  h5 | safetensors | tt | hf, or null to infer from the file
 */
public record ModelSpec(String name, String weights, int[] input, Integer classes, String format, Range range) {}
