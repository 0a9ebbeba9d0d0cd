package org.hotelmesh.hotel.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotelmesh.hotel.config.CacheConfig;
import org.hotelmesh.support.error.NotFound;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/** The cache is an optimisation: with Redis down or hanging, reads use the loader and writes still succeed. */
class HotelDetailsCacheFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void readFallsBackToLoaderWhenRedisRefusesConnections() {
        AtomicInteger loads = new AtomicInteger();
        HotelDetailsCache cache = new HotelDetailsCache(redis(() -> Uni.createFrom().failure(
                new ConnectException("Connection refused"))), config(true));

        String value = cache.getOrLoad(1, bytes -> new String(bytes, StandardCharsets.UTF_8),
                s -> s.getBytes(StandardCharsets.UTF_8), () -> {
                    loads.incrementAndGet();
                    return Uni.createFrom().item("from database");
                }).await().atMost(WAIT);

        assertEquals("from database", value);
        assertEquals(1, loads.get());
    }

    @Test
    void readFallsBackToLoaderWhenRedisHangs() {
        HotelDetailsCache cache = new HotelDetailsCache(redis(() -> Uni.createFrom().nothing()), config(true));

        String value = cache.<String>getOrLoad(1, bytes -> "cached", s -> new byte[0],
                () -> Uni.createFrom().item("from database")).await().atMost(WAIT);

        assertEquals("from database", value);
    }

    @Test
    void invalidationFailureDoesNotFailTheWrite() {
        HotelDetailsCache refused = new HotelDetailsCache(redis(() -> Uni.createFrom().failure(
                new ConnectException("Connection refused"))), config(true));
        HotelDetailsCache hanging = new HotelDetailsCache(redis(() -> Uni.createFrom().nothing()), config(true));

        refused.invalidate(7).await().atMost(WAIT);
        hanging.invalidate(7).await().atMost(WAIT);
    }

    @Test
    void loaderFailuresPassThroughUnchanged() {
        HotelDetailsCache cache = new HotelDetailsCache(redis(() -> Uni.createFrom().failure(
                new ConnectException("Connection refused"))), config(true));
        NotFound notFound = NotFound.hotel(9);

        NotFound thrown = assertThrows(NotFound.class, () -> cache.<String>getOrLoad(9, b -> "x", s -> new byte[0],
                () -> Uni.createFrom().failure(notFound)).await().atMost(WAIT));
        assertSame(notFound, thrown);
    }

    @Test
    void disabledCacheNeverTouchesRedis() {
        HotelDetailsCache cache = new HotelDetailsCache(redis(() -> {
            throw new AssertionError("Redis must not be called when the cache is disabled");
        }), config(false));

        assertEquals("db", cache.<String>getOrLoad(3, b -> "x", s -> new byte[0],
                () -> Uni.createFrom().item("db")).await().atMost(WAIT));
        cache.invalidate(3).await().atMost(WAIT);
    }

    /** A Redis data source whose every command answers with the given Uni. */
    private static ReactiveRedisDataSource redis(java.util.function.Supplier<Uni<?>> answer) {
        Object commands = Proxy.newProxyInstance(HotelDetailsCacheFailureTest.class.getClassLoader(),
                new Class<?>[] { io.quarkus.redis.datasource.value.ReactiveValueCommands.class },
                (proxy, method, args) -> method.getReturnType() == Uni.class ? answer.get() : null);
        return (ReactiveRedisDataSource) Proxy.newProxyInstance(HotelDetailsCacheFailureTest.class.getClassLoader(),
                new Class<?>[] { ReactiveRedisDataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("value")) {
                        return commands;
                    }
                    if (method.getReturnType() == Uni.class) {
                        return answer.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CacheConfig config(boolean enabled) {
        return new CacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration detailsTtl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration timeout() {
                return Duration.ofMillis(200);
            }
        };
    }
}
