package io.ccapi.operator.crd;

/** Formats from the reference's "Data Format Conventions", shared by the schemas of all kinds. */
public final class Patterns {
  private Patterns() {}

  /** A resource name in this namespace; "other-namespace/name" is accepted by the schema and refused by the operator. */
  public static final String REF = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";
  public static final String AGENT_ID = "^[0-9]{1,32}$";
  public static final String WORK_ID = "^[A-Za-z0-9_]{1,32}$";
  public static final String EXTENSION = "^[1-9][0-9]{3}$";
  public static final String QUEUE_ID = "^9[0-9]{3}$";
  public static final String PHONE = "^[0-9]{3,20}$";
  public static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";
  public static final String URL = "^https?://[^\\s]+$";
  public static final String URL_OR_EMPTY = "^(https?://[^\\s]+)?$";
  public static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
}
