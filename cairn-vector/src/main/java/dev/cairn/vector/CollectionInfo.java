package dev.cairn.vector;

/** A collection as listed by {@link VectorStore#collections()}: its spec and how many vectors it holds. */
public record CollectionInfo(CollectionSpec spec, long count) {}
