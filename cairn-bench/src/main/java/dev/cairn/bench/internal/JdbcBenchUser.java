package dev.cairn.bench.internal;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import java.time.Instant;

/**
 * The workload's {@code User} row on the JDBC side. Cairn only creates and drops its table (untimed), so both
 * sides measure the very same column types and indexes; every timed statement on this table is hand-written JDBC,
 * and reads map into this record as a hand-written DAO would.
 */
@TableName("bench_users_jdbc")
public record JdbcBenchUser(
    @Id Long id,
    String name,
    @Column(unique = true) String email,
    @Column(index = true) int age,
    @Column(index = true, nullable = false) Instant createdAt) {}
