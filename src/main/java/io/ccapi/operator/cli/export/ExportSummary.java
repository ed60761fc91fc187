package io.ccapi.operator.cli.export;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report written beside the manifests, and the summary printed at the end of an export. */
public final class ExportSummary {
  private final Tenant tenant;
  private final Exported exported;
  private final ExportOptions options;
  private final Path dir;

  public ExportSummary(Tenant tenant, Exported exported, ExportOptions options, Path dir) {
    this.tenant = tenant;
    this.exported = exported;
    this.options = options;
    this.dir = dir;
  }

  /** The report file's lines: what was read, what was written, and what the manifests do not mention. */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    lines.add("export of application " + tenant.app().appId() + " (\"" + tenant.app().name() + "\"), managementPolicy " + options.policy());
    lines.add("read: " + tenant.queues().size() + " queues, " + tenant.seats().size() + " seats, " + tenant.subscriptions().size() + " subscriptions, "
        + tenant.ivr().files().size() + " voice files, " + tenant.ivr().voices().size() + " default voices, " + tenant.ivr().router().size() + " fast router keys");
    lines.add("written: " + counts());
    lines.add("not in the manifests (the operator never deletes what its manifests do not mention):");
    exported.notExported().forEach(l -> lines.add("  - " + l));
    return lines;
  }

  public void print(PrintWriter out, int writesSent) {
    out.println("wrote " + dir + ": " + counts());
    out.println("not in the manifests (" + dir.resolve(ManifestWriter.REPORT) + "):");
    exported.notExported().forEach(l -> out.println("  - " + l));
    out.println("export: " + exported.resources() + " resources, " + exported.notExported().size() + " notes, managementPolicy "
        + options.policy() + ", " + writesSent + " writes sent");
    out.flush();
  }

  private String counts() {
    return "1 CcApp, " + exported.queues().size() + " CcQueues, " + exported.extensions().size() + " CcExtensions, "
        + exported.agents().size() + " CcAgents, " + exported.ivrs().size() + " CcIvr, " + exported.subscriptions().size() + " CcSubscriptions, 1 Secret template";
  }
}
