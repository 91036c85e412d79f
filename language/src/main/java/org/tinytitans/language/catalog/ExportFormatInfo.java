package org.tinytitans.language.catalog;

/** A file format an `export` line writes beside the pruned model: its name (and file extension) and what it is for. */
public record ExportFormatInfo(String name, String file, String doc) {}
