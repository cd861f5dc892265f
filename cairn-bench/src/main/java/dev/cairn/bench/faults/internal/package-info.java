/**
 * The machinery of the fault suite: private servers, child JVMs (their main classes are here), the lock-holding
 * shell and the ledger of outcomes. Not API.
 */
package dev.cairn.bench.faults.internal;
