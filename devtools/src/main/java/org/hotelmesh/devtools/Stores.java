package org.hotelmesh.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * PostgreSQL and Redis for a laptop or a test run: the configured servers when they answer, embedded ones
 * (real servers started from Maven artifacts) when they don't.
 */
public final class Stores {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Stores() {
    }

    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public static boolean reachable(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts PostgreSQL (trust authentication, superuser postgres) with its data kept in {@code dataDir}. */
    public static EmbeddedPostgres startPostgres(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on port " + port, e);
        }
    }

    /**
     * This machine's {@code redis-server} (from PATH) speaking TLS only, on {@code port}, with the certificate and key
     * in {@code tls} (DevCertificates' settings); stopped with the returned process.
     */
    public static Process startRedisTls(int port, Map<String, String> tls, Path log) {
        try {
            Process process = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--tls-cert-file", tls.get("hotelmesh.tls.cert"), "--tls-key-file", tls.get("hotelmesh.tls.key"),
                    "--tls-ca-cert-file", tls.get("hotelmesh.tls.ca"), "--tls-auth-clients", "no")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!reachable(new Endpoint("127.0.0.1", port))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("redis-server with TLS did not start on port " + port + "; see "
                            + log);
                }
                Thread.sleep(50);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server (is it on PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static RedisServer startRedis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis on port " + port, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void createDatabaseIfMissing(Endpoint pg, String user, String password, String database) {
        withAdminConnection(pg, user, password, statement -> {
            var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + checked(database) + "'");
            if (!rs.next()) {
                statement.execute("CREATE DATABASE " + checked(database));
            }
        });
    }

    /** Drops (disconnecting whoever is connected) and creates the database: a clean slate for a test run. */
    public static void recreateDatabase(Endpoint pg, String user, String password, String database) {
        withAdminConnection(pg, user, password, statement -> {
            statement.execute("DROP DATABASE IF EXISTS " + checked(database) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + checked(database));
        });
    }

    private static String checked(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }

    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    private static void withAdminConnection(Endpoint pg, String user, String password, SqlWork work) {
        String url = "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/postgres";
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        // The driver directly, not DriverManager: a Quarkus test profile restarts the application in a new class
        // loader, and DriverManager only offers drivers registered through the caller's own loader.
        try (Connection connection = new org.postgresql.Driver().connect(url, credentials);
             Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + pg + ": " + e.getMessage(), e);
        }
    }

    /** SELECT n + FLUSHDB over the plain RESP protocol: no client library needed before Quarkus starts. */
    public static void flushRedisDatabase(Endpoint redis, int index) {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(resp("SELECT", String.valueOf(index)));
            out.write(resp("FLUSHDB"));
            out.flush();
            var in = socket.getInputStream();
            int lines = 0;
            StringBuilder reply = new StringBuilder();
            while (lines < 2) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                reply.append((char) c);
                if (c == '\n') {
                    lines++;
                }
            }
            if (!reply.toString().startsWith("+OK") || reply.indexOf("-ERR") >= 0) {
                throw new IllegalStateException("Redis at " + redis + " refused to flush db " + index + ": " + reply);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis at " + redis + ": " + e.getMessage(), e);
        }
    }

    static byte[] resp(String... parts) {
        StringBuilder command = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            command.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(part).append("\r\n");
        }
        return command.toString().getBytes(StandardCharsets.UTF_8);
    }

}
