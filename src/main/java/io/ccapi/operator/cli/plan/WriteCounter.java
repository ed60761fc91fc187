package io.ccapi.operator.cli.plan;

import io.ccapi.operator.ccapi.CcapiClient;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the ccapi requests sent that are not GETs: {@code plan} must send none. */
public final class WriteCounter implements CcapiClient.CallRecorder {
  private final AtomicInteger writes = new AtomicInteger();

  @Override
  public void record(String endpoint, String outcome, long nanos) {
    if (!endpoint.startsWith("GET ")) {
      writes.incrementAndGet();
    }
  }

  public int writes() {
    return writes.get();
  }
}
