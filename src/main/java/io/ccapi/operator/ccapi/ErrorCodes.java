package io.ccapi.operator.ccapi;

/**
 * The platform's response codes and the texts it answers with (reference, "Code Error Codes"). The client
 * classifies with them and the simulator answers with them, so both read from here.
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  public static final String OK = "000000";
  public static final String PARAMETER_ERROR = "000001";
  public static final String INTERNAL_ERROR = "000003";
  public static final String DATA_NOT_EXIST = "000004";
  public static final String APP_NOT_FOUND = "100002";
  /** Overloaded by the platform: duplicate entry, missing/invalid JSON body, and agent delete refused. */
  public static final String DUPLICATE_OR_BAD_REQUEST = "100004";
  public static final String NUMBER_EXISTED = "100015";
  public static final String VOIP_BIND_AGENT = "100016";
  public static final String APP_ID_BLANK = "100017";
  public static final String RECORD_NOT_FOUND = "100018";

  public static final String MSG_OK = "OK";
  public static final String MSG_PARAMETER_ERROR = "Parameter error";
  /** 000001 for a value of the wrong format or out of range. */
  public static final String MSG_PARAMS_INVALID = "ParamsInvalid";
  /** 000001 when a seat's AgentId or WorkId is missing. */
  public static final String MSG_IDS_BLANK = "AgentId AppId WorkId Blank";
  /** 000001 when an IVR voice file name is empty. */
  public static final String MSG_FILE_NAME_BLANK = "File name Blank";
  public static final String MSG_INTERNAL_ERROR = "System internal error";
  public static final String MSG_DATA_NOT_EXIST = "Data does not exist";
  public static final String MSG_APP_NOT_FOUND = "AppId AppNotFound or forbidden";
  public static final String MSG_BAD_JSON = "unexpected end of JSON input";
  public static final String MSG_AGENT_HAS_BINDINGS = "Agent has queue or voip, can't delete";
  /**
   * The reference says queues with bound seats cannot be deleted but gives no code; we answer as the
   * platform does for the agent case (100004, "... can't delete").
   */
  public static final String MSG_QUEUE_HAS_AGENTS = "Queue has agents, can't delete";
  public static final String MSG_NUMBER_EXISTED = "NumberIsExisted";
  public static final String MSG_VOIP_BIND_AGENT = "VoipBindAgent";
  public static final String MSG_APP_ID_BLANK = "AppID Blank";
  public static final String MSG_RECORD_NOT_FOUND = "RecordNotFound";
  public static final String MSG_QUEUE_BLANK = "Queue Blank";

  /** Text of the platform's duplicate answer, e.g. {@code Duplicate entry '8001' for key 'AgentId'}. */
  public static String duplicateEntry(String value, String key) {
    return "Duplicate entry '" + value + "' for key '" + key + "'";
  }
}
