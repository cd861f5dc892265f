/** The subject workload of {@code cairn bench subject}. */
package dev.cairn.bench.subject;
