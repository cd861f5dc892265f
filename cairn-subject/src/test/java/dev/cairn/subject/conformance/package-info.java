/**
 * The conformance suite every {@link dev.cairn.subject.SubjectStorage} passes, published in cairn-subject's test-jar,
 * and its bindings to the storages of this module (memory, Redis, SQLite, PostgreSQL, MariaDB, across processes).
 */
package dev.cairn.subject.conformance;
