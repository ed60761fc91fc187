{{/* Chart name, overridable with nameOverride. */}}
{{- define "ccapi-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, at most 63 characters (the DNS label limit).
A release name that already contains the chart name is used as is.
*/}}
{{- define "ccapi-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "ccapi-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "ccapi-operator.labels" -}}
helm.sh/chart: {{ include "ccapi-operator.chart" . }}
{{ include "ccapi-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the operator pods; immutable once installed. */}}
{{- define "ccapi-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ccapi-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ccapi-operator.serviceAccountName" -}}
{{- include "ccapi-operator.fullname" . }}
{{- end }}

{{- define "ccapi-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
What the operator may do in a namespace it watches: the five kinds, their status and finalizers,
the Secrets it reads and writes, and Events. Used by the ClusterRole (all namespaces) or by one
Role per watched namespace.
*/}}
{{- define "ccapi-operator.watchedNamespaceRules" -}}
- apiGroups: ["ccapi.io"]
  resources: ["ccapps", "ccagents", "ccqueues", "ccextensions", "ccsubscriptions", "ccivrs"]
  verbs: ["get", "list", "watch", "update", "patch"]
- apiGroups: ["ccapi.io"]
  resources: ["ccapps/status", "ccagents/status", "ccqueues/status", "ccextensions/status", "ccsubscriptions/status", "ccivrs/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["ccapi.io"]
  resources: ["ccapps/finalizers", "ccagents/finalizers", "ccqueues/finalizers", "ccextensions/finalizers", "ccsubscriptions/finalizers", "ccivrs/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch", "get", "update"]
{{- end }}
