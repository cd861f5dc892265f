package dev.cairn.subject.internal;

import dev.cairn.subject.Change;
import dev.cairn.subject.NameLimits;
import dev.cairn.subject.PendingChanges;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.SubjectStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Sends each subject to the storage of the longest matching subject-name prefix, or to the fallback. Routes are
 * fixed when built. Persistent and concurrency-safe only if every storage it routes to is.
 */
public final class PrefixRouter implements SubjectStorage {
  private final List<Map.Entry<String, SubjectStorage>> routes;
  private final SubjectStorage fallback;

  public PrefixRouter(Map<String, SubjectStorage> routes, SubjectStorage fallback) {
    List<Map.Entry<String, SubjectStorage>> sorted = new ArrayList<>(new LinkedHashMap<>(routes).entrySet());
    sorted.sort(Comparator.comparingInt((Map.Entry<String, SubjectStorage> route) -> route.getKey().length())
        .reversed());
    this.routes = List.copyOf(sorted);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** The storage for {@code subject}. */
  public SubjectStorage route(String subject) {
    for (Map.Entry<String, SubjectStorage> route : routes) {
      if (subject.startsWith(route.getKey())) {
        return route.getValue();
      }
    }
    return fallback;
  }

  @Override
  public StoredSubject load(String subject) {
    return route(subject).load(subject);
  }

  @Override
  public void store(String subject, PendingChanges changes) {
    route(subject).store(subject, changes);
  }

  @Override
  public Change set(String subject, PropertyKind kind, String property, Object value) {
    return route(subject).set(subject, kind, property, value);
  }

  @Override
  public Change compute(String subject, PropertyKind kind, String property, UnaryOperator<Object> function) {
    return route(subject).compute(subject, kind, property, function);
  }

  @Override
  public Change increment(String subject, PropertyKind kind, String property, long delta) {
    return route(subject).increment(subject, kind, property, delta);
  }

  @Override
  public Change delete(String subject, PropertyKind kind, String property) {
    return route(subject).delete(subject, kind, property);
  }

  @Override
  public boolean flush(String subject) {
    return route(subject).flush(subject);
  }

  /** The names of every storage it routes to, each once. */
  @Override
  public List<String> names(String prefix) {
    List<SubjectStorage> all = new ArrayList<>();
    all.add(fallback);
    routes.forEach(route -> all.add(route.getValue()));
    return all.stream().distinct().flatMap(storage -> storage.names(prefix).stream()).distinct().toList();
  }

  @Override
  public StoredSubject remove(String subject) {
    return route(subject).remove(subject);
  }

  /** The tightest limits of all routes: a name is checked before the subject is routed. */
  @Override
  public NameLimits nameLimits() {
    NameLimits limits = fallback.nameLimits();
    for (Map.Entry<String, SubjectStorage> route : routes) {
      limits = limits.tighter(route.getValue().nameLimits());
    }
    return limits;
  }

  @Override
  public boolean isPersistent() {
    return fallback.isPersistent() && routes.stream().allMatch(route -> route.getValue().isPersistent());
  }

  @Override
  public boolean isConcurrencySafe() {
    return fallback.isConcurrencySafe() && routes.stream().allMatch(route -> route.getValue().isConcurrencySafe());
  }

  /** Closes every distinct storage once; the first failure is thrown after all were tried, later ones suppressed. */
  @Override
  public void close() {
    List<SubjectStorage> all = new ArrayList<>();
    all.add(fallback);
    routes.forEach(route -> all.add(route.getValue()));
    RuntimeException failure = null;
    for (SubjectStorage storage : all.stream().distinct().toList()) {
      try {
        storage.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
