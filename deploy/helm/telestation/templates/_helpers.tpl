{{/* Names and labels shared by every template. */}}

{{- define "telestation.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "telestation.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "telestation.selectorLabels" -}}
app.kubernetes.io/name: {{ include "telestation.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{- define "telestation.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "telestation.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: telestation
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "telestation.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "telestation.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "telestation.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-secrets" (include "telestation.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "telestation.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* JDBC URL of the external PostgreSQL. The CA file path matches the volume mounted by the Deployment. */}}
{{- define "telestation.jdbcUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- if $pg.url -}}
{{- $pg.url -}}
{{- else -}}
{{- $params := list (printf "sslmode=%s" $pg.sslMode) -}}
{{- if or $pg.caCertificate.secretName $pg.caCertificate.configMapName -}}
{{- $params = append $params "sslrootcert=/etc/telestation/postgresql/ca.crt" -}}
{{- end -}}
{{- if $pg.extraParameters -}}
{{- $params = append $params $pg.extraParameters -}}
{{- end -}}
{{- printf "jdbc:postgresql://%s:%v/%s?%s" $pg.host $pg.port $pg.database (join "&" $params) -}}
{{- end -}}
{{- end -}}
