package org.hotelmesh.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Embedded PostgreSQL and/or Redis for {@code ./mesh up} on a machine that has neither. Runs in the foreground until
 * it is stopped (SIGTERM), then shuts the servers down cleanly.
 *
 * <pre>java -cp ... org.hotelmesh.devtools.DevStores [--postgres PORT DATA_DIR] [--redis PORT]</pre>
 */
public final class DevStores {

    private DevStores() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgres postgres = null;
        RedisServer redis = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--postgres" -> {
                    int port = Integer.parseInt(args[++i]);
                    Path data = Path.of(args[++i]).toAbsolutePath();
                    postgres = Stores.startPostgres(port, data);
                    System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + port + " (data in " + data + ")");
                }
                case "--redis" -> {
                    int port = Integer.parseInt(args[++i]);
                    redis = Stores.startRedis(port);
                    System.out.println("embedded Redis listening on 127.0.0.1:" + port);
                }
                default -> {
                    System.err.println("usage: DevStores [--postgres PORT DATA_DIR] [--redis PORT]");
                    System.exit(2);
                }
            }
        }
        EmbeddedPostgres pg = postgres;
        RedisServer rs = redis;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (rs != null) {
                    rs.stop();
                }
                if (pg != null) {
                    pg.close();
                }
            } catch (IOException e) {
                System.err.println("stopping the embedded stores: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("READY");
        stopped.await();
    }
}
