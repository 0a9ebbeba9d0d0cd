package org.hotelmesh.devtools.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hotelmesh.devtools.DevCertificates;
import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.RedisCluster;
import org.hotelmesh.devtools.Stores;
import org.hotelmesh.devtools.Stores.Endpoint;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real stores for a {@code @QuarkusTest}: the configured PostgreSQL and Redis (HOTELMESH_DB_HOST/PORT/USER/PASSWORD,
 * HOTELMESH_REDIS_HOST/PORT, defaulting to this machine), or embedded ones when nothing answers there. Each start
 * re-creates the test's own database and flushes its own Redis database index, so runs never see each other's data.
 *
 * <p>Init args: {@code database} (the service's own database; omit for a service without one), {@code redisDatabase} (default 0), {@code jwtKeys} ("true" to configure the
 * edge's verifier with the test key pair), {@code redisTls} ("true": a Redis of the test's own, TLS only, from this
 * machine's redis-server, instead of the shared one), {@code redisCluster} ("true": a Redis Cluster of three masters
 * from this machine's redis-server and redis-cli instead of the shared Redis, with
 * {@code quarkus.redis.client-type=cluster}; one cluster per JVM, emptied at each start, stopped when the JVM exits;
 * {@link RedisCluster#at(String)} with the configured {@code quarkus.redis.hosts} tells where a key lives). Every start
 * also writes the test identities ({@link TestIdentities}).
 */
public class StoresTestResource implements QuarkusTestResourceLifecycleManager {

    // One embedded server per JVM at most, shared by every test class that needs it.
    private static EmbeddedPostgres embeddedPostgres;
    private static RedisServer embeddedRedis;
    private static int embeddedRedisPort;
    // The JVM's one test cluster, by its hosts: a system property, because a test profile restarts the application
    // in a new class loader, where this class's statics start out empty.
    private static final String REDIS_CLUSTER_HOSTS = StoresTestResource.class.getName() + ".redis-cluster-hosts";

    private String database;
    private int redisDatabase;
    private boolean jwtKeys;
    private boolean redisTls;
    private boolean redisCluster;
    private Process tlsRedis;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        redisDatabase = Integer.parseInt(initArgs.getOrDefault("redisDatabase", "0"));
        jwtKeys = Boolean.parseBoolean(initArgs.getOrDefault("jwtKeys", "false"));
        redisTls = Boolean.parseBoolean(initArgs.getOrDefault("redisTls", "false"));
        redisCluster = Boolean.parseBoolean(initArgs.getOrDefault("redisCluster", "false"));
        if (redisCluster && (redisTls || redisDatabase != 0)) {
            throw new IllegalArgumentException("a Redis Cluster has database 0 only and speaks no TLS here:"
                    + " redisCluster goes without redisTls and redisDatabase");
        }
    }

    @Override
    public Map<String, String> start() {
        String user = env("HOTELMESH_DB_USER", "postgres");
        String password = env("HOTELMESH_DB_PASSWORD", "");
        Map<String, String> config = new HashMap<>();
        if (redisCluster) {
            String hosts = redisCluster();
            RedisCluster.at(hosts).flush();
            config.put("quarkus.redis.client-type", "cluster");
            config.put("quarkus.redis.hosts", hosts);
        } else {
            Endpoint redis = redis();
            Stores.flushRedisDatabase(redis, redisDatabase);
            config.put("quarkus.redis.hosts", "redis://" + redis.host() + ":" + redis.port() + "/" + redisDatabase);
        }
        if (database != null) {
            Endpoint pg = postgres();
            Stores.recreateDatabase(pg, user, password, database);
            config.put("hotelmesh.db.host", pg.host());
            config.put("hotelmesh.db.port", String.valueOf(pg.port()));
            config.put("hotelmesh.db.name", database);
            config.put("hotelmesh.db.user", user);
            config.put("hotelmesh.db.password", password);
        }
        if (redisTls) {
            // a Redis of the test's own that speaks TLS only, with a certificate of the test CA
            Map<String, String> tls = DevCertificates.serviceTls(TestIdentities.DIR.resolve("tls"), "redis");
            int port = Stores.freePort();
            tlsRedis = Stores.startRedisTls(port, tls, TestIdentities.DIR.resolve("redis-tls.log"));
            config.put("quarkus.redis.hosts", "rediss://localhost:" + port + "/" + redisDatabase);
            config.put("hotelmesh.redis.ca", tls.get("hotelmesh.tls.ca"));
        }
        // Every service verifies its callers with the test keys; its test profile names the token it calls with.
        TestIdentities.ensure();
        config.putAll(TestIdentities.verifierConfig());
        if (jwtKeys) {
            Path dir = TestIdentities.DIR;
            config.put("mp.jwt.verify.publickey.location", dir.resolve("public.pem").toString());
            config.put("mp.jwt.verify.issuer", DevTokens.DEFAULT_ISSUER);
            config.put("hotelmesh.test.jwt.private-key", dir.resolve("private.pem").toString());
        }
        return config;
    }

    @Override
    public void stop() {
        if (tlsRedis != null) {
            tlsRedis.destroy();
        }
        // Embedded servers live until the JVM exits: later test classes reuse them.
    }

    private static synchronized Endpoint postgres() {
        Endpoint configured = new Endpoint(env("HOTELMESH_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env("HOTELMESH_DB_PORT", "5432")));
        if (Stores.reachable(configured)) {
            return configured;
        }
        if (embeddedPostgres == null) {
            System.err.println("[stores] no PostgreSQL at " + configured + "; starting an embedded one");
            embeddedPostgres = Stores.startPostgres(Stores.freePort(), null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedPostgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return new Endpoint("127.0.0.1", embeddedPostgres.getPort());
    }

    private static synchronized String redisCluster() {
        String hosts = System.getProperty(REDIS_CLUSTER_HOSTS);
        if (hosts == null) {
            System.err.println("[stores] starting a Redis Cluster of three nodes");
            RedisCluster cluster = RedisCluster.start(Path.of("target", "redis-cluster").toAbsolutePath(), 3);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            hosts = cluster.hosts();
            System.setProperty(REDIS_CLUSTER_HOSTS, hosts);
        }
        return hosts;
    }

    private static synchronized Endpoint redis() {
        Endpoint configured = new Endpoint(env("HOTELMESH_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("HOTELMESH_REDIS_PORT", "6379")));
        if (Stores.reachable(configured)) {
            return configured;
        }
        if (embeddedRedis == null) {
            System.err.println("[stores] no Redis at " + configured + "; starting an embedded one");
            embeddedRedisPort = Stores.freePort();
            embeddedRedis = Stores.startRedis(embeddedRedisPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedRedis.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return new Endpoint("127.0.0.1", embeddedRedisPort);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
