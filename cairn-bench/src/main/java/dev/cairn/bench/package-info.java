/** Workloads that measure Cairn side by side with named peers, printing ratios from one run. */
package dev.cairn.bench;
