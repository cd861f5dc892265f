package dev.cairn.sql.internal.migrate;

import java.util.List;

/**
 * One change of a generated migration: what it does, whether it loses data, the statements that make it and the
 * statements that take it back (run in order; the undo script runs the steps in reverse).
 */
record Step(String description, boolean destructive, List<String> forward, List<String> undo) {
  Step {
    forward = List.copyOf(forward);
    undo = List.copyOf(undo);
  }
}
