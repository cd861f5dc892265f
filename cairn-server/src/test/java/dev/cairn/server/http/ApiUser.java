package dev.cairn.server.http;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;

/** The {@code users} table the end-to-end tests serve. */
@TableName("users")
record ApiUser(@Id Long id, String name, @Column(unique = true) String email, int age, String nickname) {}
