/** Route handlers, request checks and error mapping of the admin HTTP API; not API. */
package dev.cairn.server.http.internal;
