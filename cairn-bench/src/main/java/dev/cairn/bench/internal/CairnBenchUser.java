package dev.cairn.bench.internal;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import java.time.Instant;

/**
 * The workload's {@code User} row as the Cairn side stores it. A twin of {@link JdbcBenchUser}: the table name
 * is fixed by the annotation, so each side gets its own record type and therefore its own table.
 */
@TableName("bench_users_cairn")
public record CairnBenchUser(
    @Id Long id,
    String name,
    @Column(unique = true) String email,
    @Column(index = true) int age,
    @Column(index = true, nullable = false) Instant createdAt) {}
