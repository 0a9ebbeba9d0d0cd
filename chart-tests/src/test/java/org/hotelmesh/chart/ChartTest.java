package org.hotelmesh.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The chart, rendered by a real helm: it lints strictly, its schema refuses bad values, and every object it renders
 * - with the default values and with values-production.yaml - parses as the Kubernetes resource of its kind with no
 * field the API does not know, and keeps what the deployment depends on.
 */
class ChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> COMPONENTS = Map.of("edge", "edge-rest", "hotel", "hotel-svc",
            "rate", "rate-svc", "reservation", "reservation-svc", "payment", "payment-svc");
    private static final Set<String> WITH_DATABASE = Set.of("hotel", "rate", "reservation", "payment");

    @Test
    void lintsStrictlyWithTheDefaultAndTheProductionValues() throws Exception {
        assertOk(Helm.helm("lint", "--strict", "."));
        assertOk(Helm.helm("lint", "--strict", ".", "-f", "values-production.yaml"));
    }

    @Test
    void everyRenderedObjectIsAKubernetesResourceOfItsKind() throws Exception {
        for (List<HasMetadata> objects : List.of(render("rel"), render("reservations", "-f", "values-production.yaml"),
                render("rel", "--set", "services.hotel.database.password=s3cret", "--set", "jwt.publicKey=PEM",
                        "--set", "edge.ingress.enabled=true", "--set", "services.hotel.autoscaling.enabled=false"))) {
            assertFalse(objects.isEmpty());
            objects.forEach(o -> assertNoUnknownFields(o, o.getKind() + " " + o.getMetadata().getName()));
        }
    }

    @Test
    void aFieldKubernetesDoesNotKnowIsCaught() throws Exception {
        // affinity is passed through as given; a misspelt field in it must not slip by
        List<HasMetadata> objects = render("rel", "--set", "services.edge.affinity.podAntiAfinity.weight=1");
        Deployment edge = one(objects, Deployment.class, "edge-rest");
        AssertionError caught = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertNoUnknownFields(edge, "edge"));
        assertTrue(caught.getMessage().contains("podAntiAfinity"), caught.getMessage());
    }

    @Test
    void everyServiceHasItsDeploymentServiceConfigAutoscalerBudgetAndPolicy() throws Exception {
        for (List<HasMetadata> objects : List.of(render("rel"), production())) {
            for (String component : COMPONENTS.values()) {
                for (Class<?> kind : List.of(Deployment.class, Service.class, ConfigMap.class,
                        HorizontalPodAutoscaler.class, PodDisruptionBudget.class, NetworkPolicy.class)) {
                    assertEquals(1, objects.stream().filter(kind::isInstance)
                            .filter(o -> component.equals(o.getMetadata().getLabels().get("app.kubernetes.io/name")))
                            .count(), kind.getSimpleName() + " of " + component);
                }
            }
        }
    }

    @Test
    void everyContainerHasProbesLimitsAndRunsAsNonRootOnAReadOnlyRoot() throws Exception {
        for (List<HasMetadata> objects : List.of(render("rel"), production())) {
            for (Deployment d : of(objects, Deployment.class)) {
                var pod = d.getSpec().getTemplate().getSpec();
                assertTrue(pod.getSecurityContext().getRunAsNonRoot(), d.getMetadata().getName());
                assertFalse(pod.getAutomountServiceAccountToken());
                for (Container c : pod.getContainers()) {
                    String where = d.getMetadata().getName() + "/" + c.getName();
                    assertProbe(c.getStartupProbe(), "/q/health/started", where);
                    assertProbe(c.getLivenessProbe(), "/q/health/live", where);
                    assertProbe(c.getReadinessProbe(), "/q/health/ready", where);
                    for (String resource : List.of("cpu", "memory")) {
                        assertNotNull(c.getResources().getLimits().get(resource), where + " limits." + resource);
                        assertNotNull(c.getResources().getRequests().get(resource), where + " requests." + resource);
                    }
                    assertTrue(c.getSecurityContext().getRunAsNonRoot(), where);
                    assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), where);
                    assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), where);
                    assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                            where + " has a writable /tmp");
                    assertEquals(Map.of("http", 8080, "management", 9000), c.getPorts().stream().collect(
                            Collectors.toMap(p -> p.getName(), p -> p.getContainerPort())),
                            where + ": gRPC (and the edge's REST) on one port, health and metrics on another");
                }
            }
        }
    }

    @Test
    void everyServicePointsAtItsOwnDatabaseAndAtTheReleasesPeers() throws Exception {
        List<HasMetadata> objects = render("rel");
        Set<String> serviceNames = of(objects, Service.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> databases = new HashSet<>();
        for (Map.Entry<String, String> e : COMPONENTS.entrySet()) {
            ConfigMap config = one(objects, ConfigMap.class, e.getValue());
            Map<String, String> env = config.getData();
            if (WITH_DATABASE.contains(e.getKey())) {
                assertEquals(e.getKey(), env.get("HOTELMESH_DB_NAME"), e.getValue());
                assertTrue(databases.add(env.get("HOTELMESH_DB_NAME")), "database shared: " + env);
                Deployment d = one(objects, Deployment.class, e.getValue());
                assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                        .anyMatch(v -> v.getName().equals("HOTELMESH_DB_PASSWORD")
                                && v.getValueFrom().getSecretKeyRef() != null),
                        e.getValue() + " password from a Secret");
            } else {
                assertFalse(env.containsKey("HOTELMESH_DB_NAME"), "the edge has no database");
            }
            env.forEach((name, value) -> {
                if (name.matches("HOTELMESH_[A-Z]+_HOST") && !name.equals("HOTELMESH_DB_HOST")) {
                    assertTrue(serviceNames.contains(value), name + "=" + value + " is a Service of the release");
                    assertEquals("8080", env.get(name.replace("_HOST", "_PORT")));
                }
            });
        }
        assertEquals(Set.of("rel-hotelmesh-hotel-svc", "rel-hotelmesh-rate-svc", "rel-hotelmesh-payment-svc"),
                peers(one(objects, ConfigMap.class, "reservation-svc")));
        assertEquals(Set.of(), peers(one(objects, ConfigMap.class, "payment-svc")));
        assertEquals("/etc/hotelmesh/jwt/public.pem",
                one(objects, ConfigMap.class, "edge-rest").getData().get("HOTELMESH_JWT_PUBLIC_KEY_LOCATION"));
    }

    @Test
    void tracingIsOffUnlessAnOtlpEndpointIsGivenThenEveryServiceExportsThere() throws Exception {
        List<HasMetadata> plain = render("rel");
        for (String component : COMPONENTS.values()) {
            assertFalse(one(plain, ConfigMap.class, component).getData().keySet().stream()
                    .anyMatch(name -> name.startsWith("QUARKUS_OTEL")), component + " traces without an endpoint");
        }
        List<HasMetadata> traced = render("rel", "--set", "tracing.otlpEndpoint=http://otel-collector.obs:4318",
                "--set", "tracing.protocol=http/protobuf");
        for (String component : COMPONENTS.values()) {
            Map<String, String> env = one(traced, ConfigMap.class, component).getData();
            assertEquals("false", env.get("QUARKUS_OTEL_SDK_DISABLED"), component);
            assertEquals("http://otel-collector.obs:4318", env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), component);
            assertEquals("http/protobuf", env.get("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL"), component);
        }
        assertRefused("protocol", "--set", "tracing.protocol=zipkin");
    }

    @Test
    void healthAndMetricsAreReachableOnlyOnTheManagementPortAndOnlyByTheMetricsNamespace() throws Exception {
        List<HasMetadata> objects = render("rel", "--set", "networkPolicy.metricsNamespace=monitoring");
        for (Service service : of(objects, Service.class)) {
            assertEquals(List.of("http"), service.getSpec().getPorts().stream().map(p -> p.getName()).toList(),
                    service.getMetadata().getName() + " exposes only the service port");
        }
        for (String component : COMPONENTS.values()) {
            assertEquals("9000", one(objects, ConfigMap.class, component).getData().get("QUARKUS_MANAGEMENT_PORT"));
            var annotations = one(objects, Deployment.class, component).getSpec().getTemplate().getMetadata()
                    .getAnnotations();
            assertEquals("9000", annotations.get("prometheus.io/port"), component);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), component);
            var management = one(objects, NetworkPolicy.class, component).getSpec().getIngress().stream()
                    .filter(rule -> rule.getPorts().stream().anyMatch(p -> "management".equals(p.getPort().getStrVal())))
                    .toList();
            assertEquals(1, management.size(), component + ": one rule lets in the scraper");
            assertEquals("monitoring", management.get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels()
                    .get("kubernetes.io/metadata.name"), component);
        }
        for (NetworkPolicy policy : of(render("rel"), NetworkPolicy.class)) {
            assertTrue(policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream())
                    .allMatch(p -> "http".equals(p.getPort().getStrVal())), policy.getMetadata().getName()
                    + ": without a metrics namespace nobody is let in to the management port");
        }
    }

    @Test
    void grpcReflectionIsOnForATryOutAndOffInTheProductionValues() throws Exception {
        List<HasMetadata> tryOut = render("rel");
        List<HasMetadata> production = production();
        for (String service : WITH_DATABASE) {
            String component = COMPONENTS.get(service);
            assertEquals("true", one(tryOut, ConfigMap.class, component).getData()
                    .get("QUARKUS_GRPC_SERVER_ENABLE_REFLECTION_SERVICE"), component);
            assertEquals("false", one(production, ConfigMap.class, component).getData()
                    .get("QUARKUS_GRPC_SERVER_ENABLE_REFLECTION_SERVICE"), component);
        }
        assertRefused("reflection", "--set", "grpc.reflection=maybe");
    }

    @Test
    void onlyTheEdgeIsExposed() throws Exception {
        List<HasMetadata> loadBalanced = render("rel", "--set", "edge.service.type=LoadBalancer");
        for (Service s : of(loadBalanced, Service.class)) {
            boolean edge = s.getMetadata().getName().endsWith("edge-rest");
            assertEquals(edge ? "LoadBalancer" : "ClusterIP", s.getSpec().getType(), s.getMetadata().getName());
        }
        assertTrue(of(render("rel"), Ingress.class).isEmpty());
        List<Ingress> ingresses = of(render("reservations", "-f", "values-production.yaml"), Ingress.class);
        assertEquals(1, ingresses.size());
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                assertEquals("reservations-hotelmesh-edge-rest", path.getBackend().getService().getName())));
    }

    @Test
    void networkPoliciesLetInOnlyTheCallersOfTheReleaseAndTheInternalToolsNamespace() throws Exception {
        List<HasMetadata> objects = render("reservations", "-f", "values-production.yaml");
        for (NetworkPolicy policy : of(objects, NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            var rules = policy.getSpec().getIngress();
            for (var rule : rules) {
                boolean management = rule.getPorts().stream()
                        .allMatch(p -> "management".equals(p.getPort().getStrVal()));
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    assertTrue(name.endsWith("edge-rest") && !management, name + " has a rule open to all");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    String namespace = peer.getNamespaceSelector() == null ? null
                            : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    boolean release = peer.getPodSelector() != null && "reservations".equals(
                            peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/instance"));
                    boolean allowed = management ? "monitoring".equals(namespace)
                            : release || "hotel-tools".equals(namespace);
                    assertTrue(allowed, name + " lets in " + peer + " on " + rule.getPorts());
                }
            }
            if (name.endsWith("edge-rest")) {
                assertTrue(rules.stream().anyMatch(r -> r.getFrom() == null || r.getFrom().isEmpty()),
                        "the edge is open to all");
            }
        }
        NetworkPolicy payment = one(objects, NetworkPolicy.class, "payment-svc");
        assertEquals(List.of("reservation-svc"), payment.getSpec().getIngress().get(0).getFrom().stream()
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).toList());
        // no wider than the access policies: payment-svc admits no tool, so the tools namespace cannot reach it
        for (String component : COMPONENTS.values()) {
            boolean toolsLetIn = one(objects, NetworkPolicy.class, component).getSpec().getIngress().stream()
                    .filter(r -> r.getFrom() != null)
                    .flatMap(r -> r.getFrom().stream())
                    .anyMatch(p -> p.getNamespaceSelector() != null && "hotel-tools".equals(
                            p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
            assertEquals(Set.of("hotel-svc", "rate-svc", "reservation-svc").contains(component), toolsLetIn,
                    component + " and the tools namespace");
        }
    }

    @Test
    void everyServiceSpeaksTlsWithACertificateOfItsOwnFromASecretOrCertManager() throws Exception {
        for (List<HasMetadata> objects : List.of(render("rel"), production())) {
            for (String component : COMPONENTS.values()) {
                Deployment deployment = one(objects, Deployment.class, component);
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                String secret = deployment.getMetadata().getName() + "-tls";
                assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getSecret() != null
                        && secret.equals(v.getSecret().getSecretName())), component + " mounts " + secret);
                assertTrue(pod.getContainers().get(0).getVolumeMounts().stream()
                        .anyMatch(m -> m.getMountPath().equals("/etc/hotelmesh/tls")), component);
                Map<String, String> env = one(objects, ConfigMap.class, component).getData();
                assertEquals("/etc/hotelmesh/tls/tls.crt", env.get("HOTELMESH_TLS_CERT"));
                assertEquals("/etc/hotelmesh/tls/tls.key", env.get("HOTELMESH_TLS_KEY"));
                assertEquals("/etc/hotelmesh/tls/ca.crt", env.get("HOTELMESH_TLS_CA"));
                assertFalse(env.containsKey("HOTELMESH_TLS_PLAINTEXT"), component + " is not plaintext");
                if (!component.equals("edge-rest")) {
                    assertEquals("https", one(objects, Service.class, component).getSpec().getPorts().get(0)
                            .getAppProtocol());
                }
            }
        }

        List<JsonNode> issued = certificates("rel", "--namespace", "shop", "--set", "tls.certManager.enabled=true",
                "--set", "tls.certManager.issuerRef.name=mesh-ca");
        assertEquals(COMPONENTS.size(), issued.size());
        for (String component : COMPONENTS.values()) {
            String name = "rel-hotelmesh-" + component;
            JsonNode spec = issued.stream().filter(c -> c.path("metadata").path("name").asText().equals(name))
                    .findFirst().orElseThrow().path("spec");
            assertEquals(name + "-tls", spec.path("secretName").asText());
            assertEquals(List.of(name, name + ".shop", name + ".shop.svc", name + ".shop.svc.cluster.local"),
                    YAML.convertValue(spec.path("dnsNames"), List.class));
            assertEquals("mesh-ca", spec.path("issuerRef").path("name").asText());
            assertEquals("Always", spec.path("privateKey").path("rotationPolicy").asText());
        }
        assertTrue(certificates("rel").isEmpty(), "no Certificate unless cert-manager is chosen");
        assertEquals(COMPONENTS.size(), certificates("reservations", "-f", "values-production.yaml").size());
        assertRefused("tls.certManager.issuerRef.name", "--set", "tls.certManager.enabled=true");

        List<HasMetadata> plaintext = render("rel", "--set", "tls.plaintext=true");
        for (String component : COMPONENTS.values()) {
            assertEquals("true", one(plaintext, ConfigMap.class, component).getData().get("HOTELMESH_TLS_PLAINTEXT"));
            assertFalse(one(plaintext, ConfigMap.class, component).getData().containsKey("HOTELMESH_TLS_CERT"));
        }
    }

    @Test
    void redisOverTlsTrustsItsPrivateCaInExactlyTheServicesThatUseRedis() throws Exception {
        List<HasMetadata> objects = render("rel", "--set", "redis.hosts=rediss://redis:6380",
                "--set", "redis.tlsCaSecret=redis-ca");
        for (Map.Entry<String, String> e : COMPONENTS.entrySet()) {
            boolean usesRedis = Set.of("edge", "hotel", "reservation").contains(e.getKey());
            Map<String, String> env = one(objects, ConfigMap.class, e.getValue()).getData();
            assertEquals(usesRedis ? "/etc/hotelmesh/redis-ca/ca.crt" : null, env.get("HOTELMESH_REDIS_CA"),
                    e.getValue());
            PodSpec pod = one(objects, Deployment.class, e.getValue()).getSpec().getTemplate().getSpec();
            assertEquals(usesRedis, pod.getVolumes().stream().anyMatch(v -> v.getSecret() != null
                    && "redis-ca".equals(v.getSecret().getSecretName())), e.getValue());
        }
        assertFalse(one(render("rel"), ConfigMap.class, "hotel-svc").getData().containsKey("HOTELMESH_REDIS_CA"));
    }

    @Test
    void aRedisClusterIsNamedWithItsNodesToExactlyTheServicesThatUseRedis() throws Exception {
        String nodes = "redis://redis-0.redis:6379,redis://redis-1.redis:6379,redis://redis-2.redis:6379";
        List<HasMetadata> objects = render("rel", "--set", "redis.clientType=cluster",
                "--set", "redis.hosts=" + nodes.replace(",", "\\,"));
        for (Map.Entry<String, String> e : COMPONENTS.entrySet()) {
            boolean usesRedis = Set.of("edge", "hotel", "reservation").contains(e.getKey());
            Map<String, String> env = one(objects, ConfigMap.class, e.getValue()).getData();
            assertEquals(usesRedis ? "cluster" : null, env.get("QUARKUS_REDIS_CLIENT_TYPE"), e.getValue());
            assertEquals(usesRedis ? nodes : null, env.get("QUARKUS_REDIS_HOSTS"), e.getValue());
        }
        assertEquals("standalone", one(render("rel"), ConfigMap.class, "hotel-svc").getData()
                .get("QUARKUS_REDIS_CLIENT_TYPE"));
        assertEquals("cluster", one(render("reservations", "-f", "values-production.yaml", "--set",
                "redis.clientType=cluster"), ConfigMap.class, "edge-rest").getData().get("QUARKUS_REDIS_CLIENT_TYPE"),
                "with the nodes in the Secret's URI");
        assertRefused("/redis/clientType", "--set", "redis.clientType=sentinel");
        // a cluster has database 0 only; its nodes are listed without spaces
        assertRefused("/redis/hosts", "--set", "redis.clientType=cluster", "--set", "redis.hosts=redis://redis:6379/4");
        assertRefused("/redis/hosts", "--set", "redis.clientType=cluster",
                "--set", "redis.hosts=redis://redis-0:6379\\, redis://redis-1:6379");
    }

    @Test
    void everyServiceCallsAsItsOwnServiceAccountAndVerifiesItsCallers() throws Exception {
        List<HasMetadata> objects = render("rel", "--namespace", "shop", "--set", "identity.workloadJwks=JWKS");
        assertEquals("JWKS", objects.stream()
                .filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals("rel-hotelmesh-workload-keys"))
                .map(o -> ((ConfigMap) o).getData().get("jwks.json")).findFirst().orElseThrow());
        for (Map.Entry<String, String> e : COMPONENTS.entrySet()) {
            String component = e.getValue();
            ServiceAccount account = one(objects, ServiceAccount.class, component);
            assertEquals("rel-hotelmesh-" + component, account.getMetadata().getName());
            assertFalse(account.getAutomountServiceAccountToken(), component + " mounts no API token");
            PodSpec pod = one(objects, Deployment.class, component).getSpec().getTemplate().getSpec();
            assertEquals(account.getMetadata().getName(), pod.getServiceAccountName());
            assertFalse(pod.getAutomountServiceAccountToken());
            var token = pod.getVolumes().stream().filter(v -> v.getProjected() != null).findFirst().orElseThrow()
                    .getProjected().getSources().get(0).getServiceAccountToken();
            assertEquals("hotelmesh", token.getAudience(), component);
            assertEquals(3600L, token.getExpirationSeconds());
            Map<String, String> env = one(objects, ConfigMap.class, component).getData();
            assertEquals("/var/run/secrets/hotelmesh/token", env.get("HOTELMESH_IDENTITY_TOKEN_FILE"));
            assertEquals("/etc/hotelmesh/jwt/public.pem", env.get("HOTELMESH_JWT_PUBLIC_KEY_LOCATION"), component);
            assertEquals("hotelmesh-api", env.get("HOTELMESH_JWT_AUDIENCE"), component);
            assertEquals("86400", env.get("HOTELMESH_JWT_MAX_AGE"), component);
            assertEquals("groups", env.get("HOTELMESH_JWT_ROLES_CLAIM"), component);
            List<String> mounts = pod.getContainers().get(0).getVolumeMounts().stream()
                    .map(m -> m.getMountPath()).toList();
            assertTrue(mounts.containsAll(List.of("/var/run/secrets/hotelmesh", "/etc/hotelmesh/jwt")), mounts.toString());
            if (e.getKey().equals("edge")) {
                assertFalse(env.containsKey("HOTELMESH_WORKLOAD_PUBLIC_KEY_LOCATION"), "the edge serves no gRPC");
                continue;
            }
            assertEquals("system:serviceaccount:shop:rel-hotelmesh-", env.get("HOTELMESH_IDENTITY_WORKLOAD_SUBJECT_PREFIX"));
            assertEquals("https://kubernetes.default.svc.cluster.local", env.get("HOTELMESH_IDENTITY_WORKLOAD_ISSUER"));
            assertEquals("/etc/hotelmesh/workloads/jwks.json", env.get("HOTELMESH_WORKLOAD_PUBLIC_KEY_LOCATION"));
            assertTrue(mounts.contains("/etc/hotelmesh/workloads"), component + " mounts the workload keys");
        }
        assertEquals("cluster-sa-keys", one(render("reservations", "-f", "values-production.yaml"), Deployment.class,
                "payment-svc").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName());
        assertRefused("/identity/tokenExpirationSeconds", "--set", "identity.tokenExpirationSeconds=60");
    }

    @Test
    void secretsComeFromValuesOrFromExistingSecretsNeverFromConfigMaps() throws Exception {
        List<HasMetadata> own = render("rel", "--set", "services.payment.database.password=s3cret",
                "--set", "jwt.publicKey=PEM");
        assertEquals(Set.of("rel-hotelmesh-payment-db", "rel-hotelmesh-jwt"), of(own, Secret.class).stream()
                .map(s -> s.getMetadata().getName()).collect(Collectors.toSet()));
        of(own, ConfigMap.class).forEach(c -> assertFalse(c.getData().containsValue("s3cret")));

        List<HasMetadata> existing = render("reservations", "-f", "values-production.yaml");
        assertTrue(of(existing, Secret.class).isEmpty(), "production values name existing Secrets");
        var env = one(existing, Deployment.class, "reservation-svc").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv();
        assertEquals("hotelmesh-reservation-db", env.stream()
                .filter(v -> v.getName().equals("HOTELMESH_DB_PASSWORD"))
                .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName());
        assertEquals("hotelmesh-redis", env.stream().filter(v -> v.getName().equals("QUARKUS_REDIS_HOSTS"))
                .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void paymentSvcChargesThroughTheChosenProcessorWithStripesKeyFromASecret() throws Exception {
        var own = render("rel", "--set", "services.payment.gateway.stripe.secretKey=sk_live_x");
        assertEquals(Set.of("rel-hotelmesh-stripe"), of(own, Secret.class).stream()
                .map(s -> s.getMetadata().getName()).collect(Collectors.toSet()));
        var env = one(own, Deployment.class, "payment-svc").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv();
        assertEquals("stripe", env.stream().filter(v -> v.getName().equals("HOTELMESH_GATEWAY")).findFirst()
                .orElseThrow().getValue());
        var key = env.stream().filter(v -> v.getName().equals("HOTELMESH_STRIPE_SECRET_KEY")).findFirst()
                .orElseThrow().getValueFrom().getSecretKeyRef();
        assertEquals("rel-hotelmesh-stripe/secret-key", key.getName() + "/" + key.getKey());
        of(own, ConfigMap.class).forEach(c -> assertFalse(c.getData().containsValue("sk_live_x")));
        for (String other : List.of("edge-rest", "hotel-svc", "rate-svc", "reservation-svc")) {
            var otherEnv = one(own, Deployment.class, other).getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv();
            assertTrue(otherEnv == null || otherEnv.stream().noneMatch(v -> v.getName().startsWith("HOTELMESH_STRIPE")),
                    other + " never sees the processor's key");
        }

        var production = one(production(), Deployment.class, "payment-svc").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream()
                .filter(v -> v.getName().equals("HOTELMESH_STRIPE_SECRET_KEY")).findFirst().orElseThrow();
        assertEquals("hotelmesh-stripe", production.getValueFrom().getSecretKeyRef().getName());

        var simulated = one(render("rel", "--set", "services.payment.gateway.kind=simulated"), Deployment.class,
                "payment-svc").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertEquals("simulated", simulated.stream().filter(v -> v.getName().equals("HOTELMESH_GATEWAY"))
                .findFirst().orElseThrow().getValue());
        assertTrue(simulated.stream().noneMatch(v -> v.getName().equals("HOTELMESH_STRIPE_SECRET_KEY")));
        assertRefused("/services/payment/gateway/kind", "--set", "services.payment.gateway.kind=paypal");
    }

    @Test
    void theEdgeCountsRateLimitsBehindTheTrustedProxiesAndPublishesItsApiDescriptionOnlyWhenAsked() throws Exception {
        assertEquals("1", one(render("rel"), ConfigMap.class, "edge-rest").getData().get("HOTELMESH_TRUSTED_PROXIES"));
        assertEquals("2", one(render("rel", "--set", "edge.trustedProxies=2"), ConfigMap.class, "edge-rest").getData()
                .get("HOTELMESH_TRUSTED_PROXIES"));
        assertFalse(one(render("rel"), ConfigMap.class, "reservation-svc").getData()
                .containsKey("HOTELMESH_TRUSTED_PROXIES"));
        assertRefused("/edge/trustedProxies", "--set", "edge.trustedProxies=-1");
        // the API's description is published only when asked for
        assertEquals("false", one(render("rel"), ConfigMap.class, "edge-rest").getData()
                .get("HOTELMESH_PUBLIC_API_DOCS"));
        assertEquals("true", one(render("rel", "--set", "edge.publicApiDocs=true"), ConfigMap.class, "edge-rest")
                .getData().get("HOTELMESH_PUBLIC_API_DOCS"));
    }

    @Test
    void theRedisPasswordComesFromASecretToExactlyTheServicesThatUseRedis() throws Exception {
        for (List<HasMetadata> objects : List.of(render("rel", "--set", "redis.password=r3dis"),
                render("rel", "--set", "redis.existingPasswordSecret=my-redis",
                        "--set", "redis.existingPasswordSecretKey=auth"))) {
            boolean own = of(objects, Secret.class).stream()
                    .anyMatch(secret -> secret.getMetadata().getName().equals("rel-hotelmesh-redis"));
            for (Map.Entry<String, String> e : COMPONENTS.entrySet()) {
                var password = one(objects, Deployment.class, e.getValue()).getSpec().getTemplate().getSpec()
                        .getContainers().get(0).getEnv().stream()
                        .filter(v -> v.getName().equals("QUARKUS_REDIS_PASSWORD")).findFirst();
                boolean usesRedis = Set.of("edge", "hotel", "reservation").contains(e.getKey());
                assertEquals(usesRedis, password.isPresent(), e.getValue());
                password.ifPresent(v -> assertEquals(own ? "rel-hotelmesh-redis/password" : "my-redis/auth",
                        v.getValueFrom().getSecretKeyRef().getName() + "/" + v.getValueFrom().getSecretKeyRef()
                                .getKey(), e.getValue()));
                assertFalse(one(objects, ConfigMap.class, e.getValue()).getData().containsValue("r3dis"));
            }
        }
        assertTrue(render("rel").stream().noneMatch(o -> o instanceof Deployment d && d.getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv() != null && d.getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream().anyMatch(v -> v.getName().equals("QUARKUS_REDIS_PASSWORD"))),
                "no password configured, none asked for");
    }

    @Test
    void everyServiceLogsInAsItsOwnRoleWithAPasswordOfItsOwn() throws Exception {
        List<String> passwords = new ArrayList<>();
        for (String service : WITH_DATABASE) {
            passwords.addAll(List.of("--set", "services." + service + ".database.password=pw-" + service));
        }
        List<HasMetadata> objects = render("rel", passwords.toArray(String[]::new));
        Set<String> roles = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (String service : WITH_DATABASE) {
            String component = COMPONENTS.get(service);
            assertTrue(roles.add(one(objects, ConfigMap.class, component).getData().get("HOTELMESH_DB_USER")),
                    component + " shares a database role");
            String secret = one(objects, Deployment.class, component).getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getEnv().stream().filter(v -> v.getName().equals("HOTELMESH_DB_PASSWORD"))
                    .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName();
            assertTrue(secrets.add(secret), component + " shares a password Secret");
            assertEquals("pw-" + service, of(objects, Secret.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(secret)).findFirst().orElseThrow()
                    .getStringData().get("password"));
        }
        assertEquals(Set.of("hotel_svc", "rate_svc", "reservation_svc", "payment_svc"), roles);
        assertRefused("user", "--set", "services.rate.database.user=");
        assertRefused("user", "--set", "postgresql.user=hotelmesh");
    }

    @Test
    void autoscalersAndBudgetsTargetTheirOwnService() throws Exception {
        List<HasMetadata> objects = render("rel");
        for (String component : COMPONENTS.values()) {
            Deployment d = one(objects, Deployment.class, component);
            assertEquals(d.getMetadata().getName(),
                    one(objects, HorizontalPodAutoscaler.class, component).getSpec().getScaleTargetRef().getName());
            assertEquals(d.getSpec().getSelector().getMatchLabels(),
                    one(objects, PodDisruptionBudget.class, component).getSpec().getSelector().getMatchLabels());
        }
        Deployment fixed = one(render("rel", "--set", "services.payment.autoscaling.enabled=false",
                "--set", "services.payment.replicas=4"), Deployment.class, "payment-svc");
        assertEquals(4, fixed.getSpec().getReplicas());
    }

    @Test
    void imagesAreChosenPerServiceAndFlavour() throws Exception {
        List<HasMetadata> objects = render("rel", "--set", "image.tag=1.2.3",
                "--set", "services.payment.image.flavor=native",
                "--set", "services.rate.image.repository=registry.example.com/pricing/rate",
                "--set", "services.rate.image.tag=1.2.4");
        assertEquals("ghcr.io/hotelmesh/edge-rest:1.2.3", image(one(objects, Deployment.class, "edge-rest")));
        assertEquals("ghcr.io/hotelmesh/payment-svc:1.2.3-native",
                image(one(objects, Deployment.class, "payment-svc")));
        assertEquals("registry.example.com/pricing/rate:1.2.4", image(one(objects, Deployment.class, "rate-svc")));
        assertEquals("ghcr.io/hotelmesh/hotel-svc:0.1.0-SNAPSHOT",
                image(one(render("rel"), Deployment.class, "hotel-svc")));
    }

    @Test
    void theSchemaRefusesWrongTypesUnknownKeysAndUnknownChoices() throws Exception {
        assertRefused("/services/hotel/replicas", "--set", "services.hotel.replicas=two");
        assertRefused("replicaz", "--set", "services.hotel.replicaz=2");
        assertRefused("colour", "--set", "colour=blue");
        assertRefused("/image/flavor", "--set", "image.flavor=graal");
        assertRefused("/edge/service/type", "--set", "edge.service.type=ExternalName");
        assertRefused("/redis/hosts", "--set", "redis.hosts=localhost:6379");
        assertRefused("resources", "--set", "services.rate.resources=null");
    }

    // ---- helpers

    private static List<HasMetadata> production() throws Exception {
        return render("reservations", "-f", "values-production.yaml");
    }

    private static List<HasMetadata> render(String release, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("template", release, "."));
        command.addAll(List.of(args));
        Helm.Result result = Helm.helm(command.toArray(String[]::new));
        assertOk(result);
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                if (isCertificate(doc)) {
                    continue; // cert-manager's kind, checked by certificates()
                }
                KubernetesResource resource = YAML.treeToValue(doc, KubernetesResource.class);
                if (!(resource instanceof HasMetadata object) || object.getClass().getName().contains("Generic")) {
                    fail("not a known Kubernetes kind: " + doc.path("apiVersion") + " " + doc.path("kind"));
                    return objects;
                }
                objects.add(object);
            }
        }
        return objects;
    }

    /** The cert-manager Certificates the chart renders with these values (a kind fabric8 does not model). */
    private static List<JsonNode> certificates(String release, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("template", release, "."));
        command.addAll(List.of(args));
        Helm.Result result = Helm.helm(command.toArray(String[]::new));
        assertOk(result);
        List<JsonNode> certificates = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && isCertificate(doc)) {
                    certificates.add(doc);
                }
            }
        }
        return certificates;
    }

    private static boolean isCertificate(JsonNode doc) {
        return "cert-manager.io/v1".equals(doc.path("apiVersion").asText())
                && "Certificate".equals(doc.path("kind").asText());
    }

    private static void assertOk(Helm.Result result) {
        assertEquals(0, result.exitCode(), result.stderr() + result.stdout());
    }

    private static void assertRefused(String mentioned, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("template", "rel", "."));
        command.addAll(List.of(args));
        Helm.Result result = Helm.helm(command.toArray(String[]::new));
        assertNotEquals(0, result.exitCode(), "accepted " + String.join(" ", args));
        assertTrue(result.stderr().contains(mentioned), result.stderr());
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static void assertProbe(Probe probe, String path, String where) {
        assertNotNull(probe, where + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath(), where);
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), where + " probes the management port");
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String component) {
        List<T> found = of(objects, kind).stream()
                .filter(o -> component.equals(o.getMetadata().getLabels().get("app.kubernetes.io/name"))).toList();
        assertEquals(1, found.size(), kind.getSimpleName() + " of " + component);
        return found.get(0);
    }

    private static Set<String> peers(ConfigMap config) {
        return config.getData().entrySet().stream()
                .filter(e -> e.getKey().matches("HOTELMESH_[A-Z]+_HOST") && !e.getKey().equals("HOTELMESH_DB_HOST"))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
    }

    /**
     * A field the model does not know (a typo, a wrong nesting level) lands in a model object's additional
     * properties instead of failing the parse; walk the object and insist there are none.
     */
    private static void assertNoUnknownFields(Object root, String where) {
        walk(root, where, new IdentityHashMap<>());
    }

    private static void walk(Object value, String path, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = m.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (m.getName().equals("getAdditionalProperties")) {
                assertTrue(field == null || ((Map<?, ?>) field).isEmpty(),
                        path + " has fields Kubernetes does not know: " + field);
            } else {
                walk(field, path + "." + m.getName().substring(3), seen);
            }
        }
    }
}
