package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions the operator needs, as "group/resource:verb" grants, and the assertions the chart's
 * rules must pass. Kept separate from the tests so ChartCanFailTest can run the same assertions
 * against a broken copy of the chart.
 */
final class RbacExpectations {
  static final List<String> KINDS = List.of("ccapps", "ccagents", "ccqueues", "ccextensions", "ccsubscriptions", "ccivrs");
  static final List<String> SECRET_VERBS = List.of("get", "list", "watch", "create", "update", "patch");
  static final List<String> EVENT_VERBS = List.of("create", "patch", "get", "update");
  static final String LEASE_NAME = "ccapi-operator";
  static final List<String> LEASE_VERBS = List.of("create", "get", "update", "patch");

  /** Everything the operator may do in a watched namespace (ClusterRole or per-namespace Role). */
  static final Set<String> WATCHED_NAMESPACE_GRANTS = watchedNamespaceGrants();

  private RbacExpectations() {}

  private static Set<String> watchedNamespaceGrants() {
    Set<String> grants = new TreeSet<>();
    for (String kind : KINDS) {
      for (String verb : List.of("get", "list", "watch", "update", "patch")) {
        grants.add("ccapi.io/" + kind + ":" + verb);
      }
      for (String verb : List.of("get", "update", "patch")) {
        grants.add("ccapi.io/" + kind + "/status:" + verb);
      }
      grants.add("ccapi.io/" + kind + "/finalizers:update");
    }
    SECRET_VERBS.forEach(v -> grants.add("/secrets:" + v));
    EVENT_VERBS.forEach(v -> grants.add("/events:" + v));
    List.of("get", "list", "watch").forEach(v -> grants.add("/configmaps:" + v)); // a CcApp's spec.caBundleRef
    return Set.copyOf(grants);
  }

  /** Expands rules into "group/resource:verb" grants (resourceNames are not expanded; see noWildcards). */
  static Set<String> grants(List<PolicyRule> rules) {
    Set<String> grants = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(group + "/" + resource + ":" + verb);
          }
        }
      }
    }
    return grants;
  }

  static void assertNoWildcards(List<PolicyRule> rules) {
    assertThat(rules)
        .as("rules")
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).as("apiGroups").isNotEmpty().doesNotContain("*");
              assertThat(rule.getResources()).as("resources").isNotEmpty().noneMatch(r -> r.contains("*"));
              assertThat(rule.getVerbs()).as("verbs").isNotEmpty().doesNotContain("*");
              assertThat(rule.getNonResourceURLs()).as("nonResourceURLs").isNullOrEmpty();
            });
  }

  /** The rules of the ClusterRole (all namespaces) or of each watched namespace's Role: exactly the needed grants. */
  static void assertWatchedNamespaceRules(List<PolicyRule> rules) {
    assertNoWildcards(rules);
    assertThat(rules).as("rules limited by resourceNames").allSatisfy(r -> assertThat(r.getResourceNames()).isNullOrEmpty());
    assertThat(grants(rules)).as("granted group/resource:verb").containsExactlyInAnyOrderElementsOf(WATCHED_NAMESPACE_GRANTS);
    assertThat(rules.stream().filter(r -> r.getResources().contains("secrets")))
        .as("rules that mention secrets")
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getApiGroups()).containsExactly("");
              assertThat(r.getResources()).containsExactly("secrets");
              assertThat(r.getVerbs()).containsExactlyInAnyOrderElementsOf(SECRET_VERBS);
            });
  }

  /**
   * The release namespace's leader-election Role: create leases; get, update and patch only the
   * operator's lease (JOSDK checks get/update/create at startup; Fabric8's LeaderElector renews by PATCH).
   */
  static void assertLeaderElectionRules(List<PolicyRule> rules) {
    assertNoWildcards(rules);
    assertThat(grants(rules))
        .containsExactlyInAnyOrderElementsOf(LEASE_VERBS.stream().map(v -> "coordination.k8s.io/leases:" + v).toList());
    assertThat(rules)
        .allSatisfy(
            r -> {
              if (!r.getVerbs().equals(List.of("create"))) {
                assertThat(r.getResourceNames()).as("names for %s", r.getVerbs()).containsExactly(LEASE_NAME);
              }
            });
  }
}
