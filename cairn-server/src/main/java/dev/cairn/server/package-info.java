/** The {@code cairn} command line and, later, the admin HTTP API. */
package dev.cairn.server;
