/**
 * The admin HTTP API: {@link dev.cairn.server.http.AdminServer} started with an
 * {@link dev.cairn.server.http.AdminConfig} over one database and one key-value store. The endpoints and the error
 * body are described in the OpenAPI document the server serves at {@code /api/v1/openapi.json}.
 */
package dev.cairn.server.http;
