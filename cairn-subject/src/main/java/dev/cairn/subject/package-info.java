/** Subjects: named entities with properties in pluggable storage (memory, Redis in KRules' layout, SQL). */
package dev.cairn.subject;
