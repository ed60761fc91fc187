package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.SpNumbers;
import java.io.PrintWriter;
import java.util.List;

/**
 * Reads a tenant with GETs only: the app, its relay numbers, queues, every seat (page by page, a progress
 * line per page), subscriptions and the IVR (voice files, default voices, fast router). Extensions have no list in the API: they are seen on the seats.
 */
public final class TenantReader {
  private final CcapiClient client;
  private final PrintWriter progress;

  public TenantReader(CcapiClient client, PrintWriter progress) {
    this.client = client;
    this.progress = progress;
  }

  public Tenant read(String appId) {
    Apps.App app = client.getApp(appId);
    if (app == null) {
      throw new IllegalStateException("GET apps answered no application for AppId " + appId);
    }
    say("read application " + app.appId() + " (\"" + app.name() + "\")");
    SpNumbers.Numbers numbers = client.listSpNumbers(appId);
    var queues = client.listQueues(appId);
    say("read " + queues.size() + " queues");
    var seats = client.listAgents(appId, (page, seatsRead) ->
        say("read seats: " + seatsRead + "/" + page.total() + " (page " + page.currPage() + "/" + Math.max(1, page.totalPage()) + ")"));
    var subscriptions = client.listSubscriptions(appId);
    say("read " + subscriptions.size() + " subscriptions");
    Tenant.Ivr ivr = new Tenant.Ivr(client.listVoiceFiles(appId), client.getDefVoices(appId), client.getFastRouter(appId));
    say("read the IVR: " + ivr.files().size() + " voice files, " + ivr.voices().size() + " default voices, "
        + ivr.router().size() + " fast router keys");
    return new Tenant(app, numbers == null ? new SpNumbers.Numbers(List.of(), "") : numbers, queues, seats, subscriptions, ivr);
  }

  private void say(String line) {
    progress.println(line);
    progress.flush();
  }
}
