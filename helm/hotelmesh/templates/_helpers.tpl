{{/* The release's name prefix of every object. */}}
{{- define "hotelmesh.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A service key (edge, hotel, ...) -> its module name (edge-rest, hotel-svc, ...). */}}
{{- define "hotelmesh.component" -}}
{{- if eq . "edge" -}}edge-rest{{- else -}}{{ . }}-svc{{- end -}}
{{- end -}}

{{/* The Kubernetes name of a service's objects: dict "root" $ "key" "hotel" */}}
{{- define "hotelmesh.name" -}}
{{- printf "%s-%s" (include "hotelmesh.fullname" .root) (include "hotelmesh.component" .key) -}}
{{- end -}}

{{- define "hotelmesh.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hotelmesh.component" .key }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "hotelmesh.labels" -}}
{{ include "hotelmesh.selectorLabels" . }}
app.kubernetes.io/part-of: hotelmesh
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Which services each service calls over gRPC (the NetworkPolicies allow exactly these). */}}
{{- define "hotelmesh.calls" -}}
edge: [hotel, rate, reservation]
hotel: [reservation]
rate: [hotel, reservation]
reservation: [hotel, rate, payment]
payment: []
{{- end -}}

{{/* The services internal tools may call: those whose AccessPolicy lets a tool in at all (payment-svc's does not). */}}
{{- define "hotelmesh.toolsMayCall" -}}
{{- has . (list "hotel" "rate" "reservation") -}}
{{- end -}}

{{/* The ConfigMap holding the keys workload tokens are verified with (the cluster's service-account JWKS). */}}
{{- define "hotelmesh.workloadKeysName" -}}
{{- .Values.identity.existingWorkloadKeysConfigMap | default (printf "%s-workload-keys" (include "hotelmesh.fullname" .)) -}}
{{- end -}}

{{/* The Secret holding a service's TLS certificate, key and CA: dict "root" $ "key" "hotel" */}}
{{- define "hotelmesh.tlsSecretName" -}}
{{- printf "%s-tls" (include "hotelmesh.name" .) -}}
{{- end -}}

{{/* The services that keep state in Redis. */}}
{{- define "hotelmesh.usesRedis" -}}
{{- has . (list "edge" "hotel" "reservation") -}}
{{- end -}}

{{/* The image of a service: dict "root" $ "key" "hotel" "svc" $svc */}}
{{- define "hotelmesh.image" -}}
{{- $img := merge (deepCopy (.svc.image | default dict)) .root.Values.image -}}
{{- $tag := $img.tag | default .root.Chart.AppVersion -}}
{{- $suffix := ternary "-native" "" (eq $img.flavor "native") -}}
{{- $repository := $img.repository | default (printf "%s/%s/%s" $img.registry $img.repositoryPrefix (include "hotelmesh.component" .key)) -}}
{{- printf "%s:%s%s" $repository $tag $suffix -}}
{{- end -}}

{{- define "hotelmesh.pullPolicy" -}}
{{- (merge (deepCopy (.svc.image | default dict)) .root.Values.image).pullPolicy -}}
{{- end -}}

{{/* The Secret holding a service's database password, and its key: dict "root" $ "key" "hotel" "svc" $svc */}}
{{- define "hotelmesh.dbSecretName" -}}
{{- .svc.database.existingSecret | default (printf "%s-%s-db" (include "hotelmesh.fullname" .root) .key) -}}
{{- end -}}

{{- define "hotelmesh.dbSecretKey" -}}
{{- ternary .svc.database.existingSecretPasswordKey "password" (ne .svc.database.existingSecret "") -}}
{{- end -}}

{{- define "hotelmesh.jwtSecretName" -}}
{{- .Values.jwt.existingSecret | default (printf "%s-jwt" (include "hotelmesh.fullname" .)) -}}
{{- end -}}

{{- define "hotelmesh.jwtSecretKey" -}}
{{- ternary .Values.jwt.existingSecretKey "public.pem" (ne .Values.jwt.existingSecret "") -}}
{{- end -}}

{{/* The Secret holding the Redis AUTH password and its key, or nothing when no password is configured. */}}
{{- define "hotelmesh.redisPasswordSecretName" -}}
{{- if .Values.redis.existingPasswordSecret -}}{{ .Values.redis.existingPasswordSecret }}
{{- else if .Values.redis.password -}}{{ include "hotelmesh.fullname" . }}-redis{{- end -}}
{{- end -}}

{{- define "hotelmesh.redisPasswordSecretKey" -}}
{{- ternary .Values.redis.existingPasswordSecretKey "password" (ne .Values.redis.existingPasswordSecret "") -}}
{{- end -}}
