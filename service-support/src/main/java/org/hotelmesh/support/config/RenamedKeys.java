package org.hotelmesh.support.config;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;
import io.smallrye.config.ConfigValue;

/**
 * Settings that were renamed so that each service and concept has one name (the downstream clients under
 * {@code hotelmesh.clients.<service>}, rate-svc's own settings under {@code hotelmesh.rates}). An old key still
 * works for one release: when it is set in a source that ranks at least as high as the new key's, its value is used,
 * with a warning naming the new key. Remove this class, and its service entry, in the release after.
 */
public class RenamedKeys implements ConfigSourceInterceptor {

    private static final Logger LOG = Logger.getLogger(RenamedKeys.class);

    /** New key to the old keys it replaces (a key ending with '.' renames every key under it). */
    static final Map<String, List<String>> OLD_NAMES = Map.of(
            "hotelmesh.clients.hotel-svc.deadline", List.of("hotelmesh.catalog.deadline",
                    "hotelmesh.hotel-client.deadline"),
            "hotelmesh.clients.hotel-svc.cache-ttl", List.of("hotelmesh.catalog.cache-ttl"),
            "hotelmesh.clients.rate-svc.deadline", List.of("hotelmesh.rates.deadline",
                    "hotelmesh.rate-client.deadline"),
            "hotelmesh.clients.payment-svc.deadline", List.of("hotelmesh.payments.deadline"),
            "hotelmesh.clients.reservation-svc.deadline", List.of("hotelmesh.reservations.deadline",
                    "hotelmesh.capacity-sync.deadline",
                    "hotelmesh.inventory.deadline", "hotelmesh.reservation-client.deadline"),
            "hotelmesh.clients.reservation-svc.write-deadline",
                    List.of("hotelmesh.reservation-client.booking-deadline"),
            "hotelmesh.rates.", List.of("hotelmesh.pricing."));

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Registered with SmallRye Config: warns at start-up about every old key that a source lists by name (properties
     * files, system properties); an old key only an environment variable sets is warned about when first read.
     */
    public static class Factory implements ConfigSourceInterceptorFactory {

        @Override
        public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
            RenamedKeys renamed = new RenamedKeys();
            for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
                String name = names.next();
                newName(name).ifPresent(newName -> renamed.warnOnce(name, newName));
            }
            return renamed;
        }
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue current = context.proceed(name);
        for (String old : oldNames(name)) {
            ConfigValue legacy = context.proceed(old);
            if (legacy != null && legacy.getValue() != null && (current == null || current.getValue() == null
                    || legacy.getConfigSourceOrdinal() >= current.getConfigSourceOrdinal())) {
                warnOnce(old, name);
                return legacy.withName(name);
            }
        }
        return current;
    }

    private void warnOnce(String old, String name) {
        if (warned.add(old)) {
            LOG.warnf("setting %s is deprecated and will be ignored in the next release; set %s instead", old, name);
        }
    }

    /** The key that replaces {@code old}, if it was renamed. */
    static Optional<String> newName(String old) {
        for (Map.Entry<String, List<String>> renamed : OLD_NAMES.entrySet()) {
            for (String oldName : renamed.getValue()) {
                if (oldName.endsWith(".") ? old.startsWith(oldName) : old.equals(oldName)) {
                    return Optional.of(oldName.endsWith(".")
                            ? renamed.getKey() + old.substring(oldName.length()) : renamed.getKey());
                }
            }
        }
        return Optional.empty();
    }

    static List<String> oldNames(String name) {
        List<String> exact = OLD_NAMES.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> renamed : OLD_NAMES.entrySet()) {
            String prefix = renamed.getKey();
            if (prefix.endsWith(".") && name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                return renamed.getValue().stream().map(oldPrefix -> oldPrefix + rest).toList();
            }
        }
        return List.of();
    }
}
