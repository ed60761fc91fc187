package io.ccapi.operator.chart;

import static io.ccapi.operator.chart.HelmChart.NAMESPACE;
import static io.ccapi.operator.chart.HelmChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `helm template` with the chart's default values. */
class ChartDefaultsTest {
  private static Manifests manifests;

  @BeforeAll
  static void render() {
    manifests = HelmChart.inRepo().render("");
  }

  @Test
  void kubeVersionIsTheMinimumTheReadmeStates() throws Exception {
    assertThat(Files.readString(HelmChart.IN_REPO.resolve("Chart.yaml"))).contains("\nkubeVersion: " + HelmChart.KUBE_VERSION + "\n");
    assertThat(Files.readString(HelmChart.REPO.resolve("README.md"))).contains("Supported Kubernetes: **1.29 and later**");
  }

  @Test
  void rendersExactlyTheExpectedObjects() {
    assertThat(manifests.kinds())
        .containsExactlyInAnyOrder(
            "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment");
    assertThat(manifests.items())
        .filteredOn(i -> !(i instanceof ClusterRole) && !(i instanceof ClusterRoleBinding))
        .allSatisfy(i -> assertThat(i.getMetadata().getNamespace()).as(describe(i)).isEqualTo(NAMESPACE));
    assertThat(manifests.items())
        .allSatisfy(
            i ->
                assertThat(i.getMetadata().getLabels())
                    .as(describe(i))
                    .containsEntry("app.kubernetes.io/name", "ccapi-operator")
                    .containsEntry("app.kubernetes.io/instance", RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm"));
  }

  @Test
  void deploymentRunsTheOperatorWithArgsFromValues() {
    Deployment deployment = manifests.one(Deployment.class);
    assertThat(deployment.getMetadata().getName()).isEqualTo("ccapi-operator");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo(manifests.one(ServiceAccount.class).getMetadata().getName());
    Container operator = onlyContainer(pod);
    assertThat(operator.getImage()).isEqualTo("ccapi-operator:0.1.0");
    assertThat(operator.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(operator.getCommand()).as("command: the image's entrypoint runs `java -jar ... run`").isNullOrEmpty();
    assertThat(operator.getArgs())
        .containsExactly(
            "--leader-election",
            "--metrics-port=8080",
            "--poll-interval=PT60S",
            "--unbound-extension-check=PT10M",
            "--ccapi-connect-timeout=PT5S",
            "--ccapi-read-timeout=PT15S",
            "--ccapi-rate-limit=20");
    assertThat(operator.getArgs()).as("all namespaces by default").noneMatch(a -> a.startsWith("--namespace"));

    assertThat(operator.getEnv()).extracting(EnvVar::getName).containsExactly("POD_NAMESPACE", "CCAPI_LOG_LEVEL");
    assertThat(env(operator, "POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
    assertThat(env(operator, "CCAPI_LOG_LEVEL").getValue()).isEqualTo("INFO");

    assertThat(operator.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("metrics");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertThat(operator.getResources().getRequests())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("256Mi"));
    assertThat(operator.getResources().getLimits()).containsEntry("memory", new Quantity("512Mi"));
    assertThat(pod.getNodeSelector()).isNullOrEmpty();
    assertThat(pod.getTolerations()).isNullOrEmpty();
    assertThat(pod.getAffinity()).isNull();
  }

  @Test
  void probesUseTheMetricsPort() {
    Container operator = onlyContainer(manifests.one(Deployment.class).getSpec().getTemplate().getSpec());
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("metrics"));
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("metrics"));
  }

  @Test
  void podIsLockedDownWithAWritableTmpOnly() {
    PodSpec pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    SecurityContext container = onlyContainer(pod).getSecurityContext();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getRunAsUser()).isEqualTo(65532L);
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getPrivileged()).isNull();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    assertThat(onlyContainer(pod).getVolumeMounts()).singleElement().satisfies(m -> {
      assertThat(m.getMountPath()).isEqualTo("/tmp");
      assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
        assertThat(v.getName()).isEqualTo(m.getName());
        assertThat(v.getEmptyDir()).isNotNull();
      });
    });
  }

  @Test
  void clusterRoleGrantsExactlyWhatTheOperatorNeedsInEveryNamespace() {
    ClusterRole role = manifests.one(ClusterRole.class);
    RbacExpectations.assertWatchedNamespaceRules(role.getRules());

    ClusterRoleBinding binding = manifests.one(ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertBindsTheServiceAccount(binding.getSubjects());
  }

  @Test
  void theOnlyRoleIsLeaderElectionInTheReleaseNamespace() {
    Role role = manifests.one(Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    RbacExpectations.assertLeaderElectionRules(role.getRules());

    RoleBinding binding = manifests.one(RoleBinding.class);
    assertThat(binding.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertBindsTheServiceAccount(binding.getSubjects());
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsAndNoServiceMonitorByDefault() {
    Service service = manifests.one(Service.class);
    Deployment deployment = manifests.one(Deployment.class);
    assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("metrics");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getTargetPort()).isEqualTo(new IntOrString("metrics"));
    });
    assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
  }

  static void assertBindsTheServiceAccount(List<Subject> subjects) {
    assertThat(subjects)
        .singleElement()
        .satisfies(s -> {
          assertThat(s.getKind()).isEqualTo("ServiceAccount");
          assertThat(s.getName()).isEqualTo("ccapi-operator");
          assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
        });
  }

  static Container onlyContainer(PodSpec pod) {
    assertThat(pod.getContainers()).hasSize(1);
    assertThat(pod.getInitContainers()).isNullOrEmpty();
    return pod.getContainers().get(0);
  }

  static EnvVar env(Container container, String name) {
    return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst().orElseThrow();
  }

  static String describe(HasMetadata item) {
    return item.getKind() + " " + item.getMetadata().getName();
  }
}
