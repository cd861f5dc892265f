/**
 * The admin HTTP API: {@link dev.cairn.server.http.AdminServer} started with an
 * {@link dev.cairn.server.http.AdminConfig} over the {@link dev.cairn.server.http.AdminStores}: one database, one
 * key-value store, subjects and optionally the named databases. The endpoints and the error
 * body are described in the OpenAPI document the server serves at {@code /api/v1/openapi.json}.
 */
package dev.cairn.server.http;
