/**
 * Logback plumbing of the command line: the converters logback.xml installs so that no log line shows a password
 * (see {@link dev.cairn.core.SecretMask}). Public only because Logback instantiates them by name; not API.
 */
package dev.cairn.cli.logging;
