package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import java.util.Map;

/**
 * Resolves caller-given column names against a table's model and converts values to the column's canonical
 * type. Typed tables convert through the record's component codecs; dynamic rows through the column kind.
 */
interface ColumnResolver {
  TableModel model();

  /** The canonical value of {@code value} for column {@code index}; throws {@link BadValueException}. */
  Object coerce(int index, Object value);

  /** @throws InvalidInputException {@code COLUMN_NOT_FOUND} for a name the table does not have */
  default int indexOf(String column) {
    int index = model().indexOf(column);
    if (index < 0) {
      String shown = Identifiers.shown(column);
      throw new InvalidInputException("COLUMN_NOT_FOUND",
          "table " + model().name() + " has no column '" + shown + "' (columns: "
              + String.join(", ", model().columnNames()) + ")",
          Map.of("table", model().name(), "column", shown, "available", model().columnNames(),
              "table_name", model().name(), "column_name", shown, "available_columns", model().columnNames()),
          null);
    }
    return index;
  }
}
