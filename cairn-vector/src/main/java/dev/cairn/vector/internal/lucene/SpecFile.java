package dev.cairn.vector.internal.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.IndexParams;
import dev.cairn.vector.Metric;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A collection's spec in {@code collection.json} beside its index, written atomically (temp file, fsync,
 * rename): a directory with the file is a collection, one without is not.
 */
final class SpecFile {
  static final String NAME = "collection.json";

  private SpecFile() {}

  static void write(Path directory, CollectionSpec spec) throws IOException {
    Files.createDirectories(directory);
    Path temp = directory.resolve(NAME + ".tmp");
    String json = Json.write(Map.of("dimension", spec.dimension(), "metric", spec.metric().wireName(),
        "m", spec.index().m(), "ef_construction", spec.index().efConstruction()));
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, directory.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static CollectionSpec read(Path directory) throws IOException {
    JsonNode json = Json.tree(Files.readString(directory.resolve(NAME), StandardCharsets.UTF_8));
    return new CollectionSpec(directory.getFileName().toString(), json.path("dimension").asInt(),
        Metric.parse(json.path("metric").asText()).orElseThrow(),
        new IndexParams(json.path("m").asInt(), json.path("ef_construction").asInt()));
  }
}
