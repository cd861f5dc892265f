package dev.cairn.sql.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.registry.RegistryModels.AuditEntry;
import dev.cairn.sql.registry.RegistryModels.FeatureFlag;
import dev.cairn.sql.registry.RegistryModels.Invoice;
import dev.cairn.sql.registry.RegistryModels.Payment;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableIndexTest {
  @TempDir
  Path dir;

  @Test
  void load_processorRanAtTestCompile_findsAnnotatedRecordsByDatabase() {
    Map<String, List<Class<? extends Record>>> tables = TableIndex.load(getClass().getClassLoader());

    assertThat(tables.get("billing")).containsExactlyInAnyOrder(Invoice.class, Payment.class);
    // @TableName alone and a bare @DatabaseName both mean the framework database.
    assertThat(tables.get(Databases.FRAMEWORK)).contains(FeatureFlag.class, AuditEntry.class)
        .doesNotContain(Invoice.class);
  }

  @Test
  void load_entryNamesMissingClass_tableIndexInvalid() throws Exception {
    ClassLoader loader = loaderWithIndex("billing\tdev.cairn.nowhere.Gone\n");

    assertThatThrownBy(() -> TableIndex.load(loader)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo("TABLE_INDEX_INVALID")).hasMessageContaining("dev.cairn.nowhere.Gone");
  }

  @Test
  void load_entryNamesNonRecord_tableIndexInvalid() throws Exception {
    ClassLoader loader = loaderWithIndex("billing\tjava.lang.String\n");

    assertThatThrownBy(() -> TableIndex.load(loader)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo("TABLE_INDEX_INVALID")).hasMessageContaining("not a record");
  }

  @Test
  void load_malformedLine_tableIndexInvalid() throws Exception {
    ClassLoader loader = loaderWithIndex("just-one-field\n");

    assertThatThrownBy(() -> TableIndex.load(loader)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo("TABLE_INDEX_INVALID"));
  }

  private ClassLoader loaderWithIndex(String content) throws Exception {
    Path index = dir.resolve(TableIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, content);
    // No parent: only the index written here is visible, not the one the processor wrote for these tests.
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
  }
}
