/** The conformance suite every {@link dev.cairn.subject.SubjectStorage} passes. */
package dev.cairn.subject.conformance;
