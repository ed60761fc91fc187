package io.ccapi.operator.chart;

import static io.ccapi.operator.chart.ChartDefaultsTest.assertBindsTheServiceAccount;
import static io.ccapi.operator.chart.ChartDefaultsTest.env;
import static io.ccapi.operator.chart.ChartDefaultsTest.onlyContainer;
import static io.ccapi.operator.chart.HelmChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `helm template` with HelmChart.CUSTOM_VALUES: two watched namespaces, 3 replicas, ServiceMonitor, custom image. */
class ChartCustomValuesTest {
  private static Manifests manifests;

  @BeforeAll
  static void render() {
    manifests = HelmChart.inRepo().render(HelmChart.CUSTOM_VALUES);
  }

  @Test
  void deploymentTakesEveryValue() {
    Deployment deployment = manifests.one(Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    Container operator = onlyContainer(deployment.getSpec().getTemplate().getSpec());
    assertThat(operator.getImage()).isEqualTo("registry.example.com/team/ccapi-operator:0.2.0-rc1");
    assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
    assertThat(operator.getArgs())
        .containsExactly(
            "--leader-election",
            "--metrics-port=9090",
            "--poll-interval=PT2M",
            "--unbound-extension-check=PT30M",
            "--ccapi-connect-timeout=PT3S",
            "--ccapi-read-timeout=PT30S",
            "--ccapi-rate-limit=5",
            "--namespace=team-a,team-b");
    assertThat(env(operator, "CCAPI_LOG_LEVEL").getValue()).isEqualTo("DEBUG");
    assertThat(operator.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9090));
    assertThat(manifests.one(Service.class).getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(9090));
  }

  @Test
  void nothingClusterWideWhenNamespacesAreListed() {
    assertThat(manifests.all(ClusterRole.class)).isEmpty();
    assertThat(manifests.all(ClusterRoleBinding.class)).isEmpty();
  }

  @Test
  void eachWatchedNamespaceGetsItsOwnRoleAndBinding() {
    for (String namespace : List.of("team-a", "team-b")) {
      Role role = manifests.named(Role.class, namespace, "ccapi-operator").orElseThrow();
      RbacExpectations.assertWatchedNamespaceRules(role.getRules());
      RoleBinding binding = manifests.named(RoleBinding.class, namespace, "ccapi-operator").orElseThrow();
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
      assertBindsTheServiceAccount(binding.getSubjects());
    }
    assertThat(manifests.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("team-a", "team-b", NAMESPACE);
  }

  @Test
  void releaseNamespaceOnlyGetsLeaderElectionAndNoSecrets() {
    Role leaderElection = manifests.named(Role.class, NAMESPACE, "ccapi-operator-leader-election").orElseThrow();
    RbacExpectations.assertLeaderElectionRules(leaderElection.getRules());
    assertThat(manifests.all(Role.class))
        .filteredOn(r -> !List.of("team-a", "team-b").contains(r.getMetadata().getNamespace()))
        .allSatisfy(r -> assertThat(RbacExpectations.grants(r.getRules())).noneMatch(g -> g.startsWith("/secrets")));
  }

  @Test
  void serviceMonitorScrapesTheMetricsService() {
    List<HasMetadata> monitors = manifests.ofKind("ServiceMonitor");
    assertThat(monitors).singleElement().isInstanceOf(GenericKubernetesResource.class);
    GenericKubernetesResource monitor = (GenericKubernetesResource) monitors.get(0);
    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");

    Service service = manifests.one(Service.class);
    Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat((List<String>) monitor.get("spec", "namespaceSelector", "matchNames")).containsExactly(NAMESPACE);
    List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
    assertThat(endpoints)
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("port", "metrics").containsEntry("path", "/metrics").containsEntry("interval", "15s"));
  }

  @Test
  void watchingTheReleaseNamespaceItselfRendersNoDuplicateObjects() {
    Manifests own = HelmChart.inRepo().render("watchNamespaces: [ccapi-system, team-a]\n");
    assertThat(own.items())
        .extracting(i -> i.getKind() + "/" + i.getMetadata().getNamespace() + "/" + i.getMetadata().getName())
        .doesNotHaveDuplicates();
    RbacExpectations.assertWatchedNamespaceRules(own.named(Role.class, NAMESPACE, "ccapi-operator").orElseThrow().getRules());
    RbacExpectations.assertLeaderElectionRules(
        own.named(Role.class, NAMESPACE, "ccapi-operator-leader-election").orElseThrow().getRules());
  }

  @Test
  void schedulingValuesReachThePod() {
    Manifests scheduled =
        HelmChart.inRepo()
            .render(
                String.join(
                    "\n",
                    "nodeSelector: {kubernetes.io/os: linux}",
                    "tolerations: [{key: dedicated, operator: Equal, value: operators, effect: NoSchedule}]",
                    "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                        + " [{matchExpressions: [{key: pool, operator: In, values: [ops]}]}]}}}",
                    "imagePullSecrets: [{name: registry-cred}]",
                    "resources: {limits: {cpu: '1', memory: 1Gi}}",
                    ""));
    var pod = scheduled.one(Deployment.class).getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsExactly(Map.entry("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
    assertThat(pod.getImagePullSecrets()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("registry-cred"));
    assertThat(onlyContainer(pod).getResources().getLimits()).containsOnlyKeys("cpu", "memory");
  }
}
