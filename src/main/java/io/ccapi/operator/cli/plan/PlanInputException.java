package io.ccapi.operator.cli.plan;

/** Input {@code plan} cannot use: a manifest (the message names the file and field) or an option. */
public final class PlanInputException extends RuntimeException {
  public PlanInputException(String message) {
    super(message);
  }
}
