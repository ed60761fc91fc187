package io.ccapi.operator.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A Kubernetes client that counts the requests it sends (watches included): for the benchmark. */
final class CountingKubeClient {
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicLong> byKind = new ConcurrentSkipListMap<>();
  private final KubernetesClient client;

  CountingKubeClient(String kubeconfig) {
    Interceptor counter =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.incrementAndGet();
            byKind.computeIfAbsent(request.method() + " " + kind(request.uri().getPath(), request.uri().getQuery()), k -> new AtomicLong()).incrementAndGet();
          }
        };
    client =
        OperatorKubeClient.builder()
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

  /** Requests by method and resource (e.g. {@code PATCH ccagents/status}, {@code GET secrets?watch}) so far. */
  Map<String, Long> byKind() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    byKind.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  /** {@link #byKind()} since {@code before} (an earlier answer of it), as text; kinds without requests left out. */
  String since(Map<String, Long> before) {
    StringBuilder out = new StringBuilder();
    byKind().forEach((k, v) -> {
      long n = v - before.getOrDefault(k, 0L);
      if (n > 0) {
        out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(n);
      }
    });
    return out.length() == 0 ? "none" : out.toString();
  }

  private static String kind(String path, String query) {
    String[] parts = path.split("/");
    int ns = java.util.Arrays.asList(parts).indexOf("namespaces");
    int at = ns >= 0 && parts.length > ns + 2 ? ns + 2 : parts.length - 1;
    String kind = parts[at] + (parts.length > at + 2 ? "/" + parts[at + 2] : "");
    return kind + (query != null && query.contains("watch=true") ? "?watch" : "");
  }
}
