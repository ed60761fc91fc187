package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.CcapiClient;

/** A Ready CcApp as its children use it: the platform AppId and a client signed with its credentials. */
public record AppConnection(
    String namespace, String appName, String appId, String extensionPrefix, CcapiClient client) {}
