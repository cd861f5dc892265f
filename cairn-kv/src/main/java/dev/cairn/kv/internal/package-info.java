/**
 * Not API. The one {@code KeyValue} implementation ({@code PrefixedKeyValue}) and the {@code Backend} SPI every
 * backend implements; scripts and raw Redis access for other modules are in {@code dev.cairn.kv.spi}.
 */
package dev.cairn.kv.internal;
