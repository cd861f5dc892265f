package dev.cairn.vector;

import java.util.Map;

/**
 * One search hit. {@code score} is a similarity (higher is closer): cosine similarity, negated Euclidean distance,
 * or dot product, per {@link Metric}.
 */
public record Match(String id, double score, Map<String, Object> metadata) {}
