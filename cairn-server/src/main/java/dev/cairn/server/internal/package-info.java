/** Implementation details of cairn-server shared by the CLI and logging; not API. */
package dev.cairn.server.internal;
