package org.hotelmesh.support.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The guards of this process, one per downstream service: every client of a downstream gets the same guard, so the
 * service has one circuit breaker whatever the number of client beans or RPCs.
 */
@ApplicationScoped
public class DownstreamGuards {

    private final Config config;
    private final Map<String, DownstreamGuard> guards = new ConcurrentHashMap<>();

    public DownstreamGuards(Config config) {
        this.config = config;
    }

    /**
     * The guard of {@code service} ("rate-svc"), configured from {@code hotelmesh.clients.<service>.*}; the words
     * of the first caller are the guard's.
     */
    public DownstreamGuard of(String service, DownstreamGuard.Words words) {
        return guards.computeIfAbsent(service,
                name -> new DownstreamGuard(name, words, DownstreamSettings.read(config, name)));
    }
}
