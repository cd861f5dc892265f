package dev.cairn.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a fixture class unless {@link ServiceExtensionTest} launches it: a {@code -Dtest=...} pattern overrides
 * surefire's exclusion of nested classes and would otherwise run the deliberately failing fixtures on their own.
 */
final class OnlyWhenLaunched implements ExecutionCondition {
  static final String PARAMETER = "cairn.testkit.launchFixtures";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
        ? ConditionEvaluationResult.enabled("launched by ServiceExtensionTest")
        : ConditionEvaluationResult.disabled("a fixture of ServiceExtensionTest, run only through it");
  }
}
