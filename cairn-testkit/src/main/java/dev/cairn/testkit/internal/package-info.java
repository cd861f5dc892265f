/** Service resolution, private servers and small protocol helpers behind the testkit extensions. Not API. */
package dev.cairn.testkit.internal;
