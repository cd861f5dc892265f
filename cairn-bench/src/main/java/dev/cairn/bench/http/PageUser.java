package dev.cairn.bench.http;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;

/** The {@code users} row the HTTP workload pages through (created only when the table does not exist yet). */
@TableName("users")
record PageUser(@Id Long id, String name, @Column(unique = true) String email, int age) {}
