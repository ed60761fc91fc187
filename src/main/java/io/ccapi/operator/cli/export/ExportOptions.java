package io.ccapi.operator.cli.export;

import io.ccapi.operator.crd.ManagementPolicy;

/**
 * How the manifests are written.
 *
 * @param endpoint the platform's base URL (the CcApp's spec.endpoint)
 * @param namespace metadata.namespace of every manifest, or null to leave it to kubectl
 * @param policy spec.managementPolicy of every resource
 * @param credentialsSecret the Secret the CcApp names (spec.credentialsSecretRef), written as a template
 */
public record ExportOptions(String endpoint, String namespace, ManagementPolicy policy, String credentialsSecret) {}
