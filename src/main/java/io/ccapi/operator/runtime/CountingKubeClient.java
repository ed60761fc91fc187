package io.ccapi.operator.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/** A Kubernetes client that counts the requests it sends (watches included): for the benchmark. */
final class CountingKubeClient {
  private final AtomicLong requests = new AtomicLong();
  private final KubernetesClient client;

  CountingKubeClient(String kubeconfig) {
    Interceptor counter =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.incrementAndGet();
          }
        };
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(kubeconfig))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("bench-counter", counter))
            .build();
  }

  KubernetesClient client() {
    return client;
  }

  long requests() {
    return requests.get();
  }
}
