package org.hotelmesh.devtools.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.hotelmesh.devtools.DevCertificates;
import org.hotelmesh.devtools.DevTokens;
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
 * machine's redis-server, instead of the shared one). Every start also writes the test identities ({@link TestIdentities}).
 */
public class StoresTestResource implements QuarkusTestResourceLifecycleManager {

    // One embedded server per JVM at most, shared by every test class that needs it.
    private static EmbeddedPostgres embeddedPostgres;
    private static RedisServer embeddedRedis;
    private static int embeddedRedisPort;

    private String database;
    private int redisDatabase;
    private boolean jwtKeys;
    private boolean redisTls;
    private Process tlsRedis;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        redisDatabase = Integer.parseInt(initArgs.getOrDefault("redisDatabase", "0"));
        jwtKeys = Boolean.parseBoolean(initArgs.getOrDefault("jwtKeys", "false"));
        redisTls = Boolean.parseBoolean(initArgs.getOrDefault("redisTls", "false"));
    }

    @Override
    public Map<String, String> start() {
        String user = env("HOTELMESH_DB_USER", "postgres");
        String password = env("HOTELMESH_DB_PASSWORD", "");
        Endpoint redis = redis();
        Stores.flushRedisDatabase(redis, redisDatabase);

        Map<String, String> config = new HashMap<>();
        if (database != null) {
            Endpoint pg = postgres();
            Stores.recreateDatabase(pg, user, password, database);
            config.put("hotelmesh.db.host", pg.host());
            config.put("hotelmesh.db.port", String.valueOf(pg.port()));
            config.put("hotelmesh.db.name", database);
            config.put("hotelmesh.db.user", user);
            config.put("hotelmesh.db.password", password);
        }
        config.put("quarkus.redis.hosts", "redis://" + redis.host() + ":" + redis.port() + "/" + redisDatabase);
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
