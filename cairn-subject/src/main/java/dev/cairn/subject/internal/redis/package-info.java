/** Implementation of cairn-subject; not API, may change without notice. */
package dev.cairn.subject.internal.redis;
