package org.hotelmesh.support.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** An old key keeps working for one release: read under its new name, unless the new name is set as high or higher. */
class RenamedKeysTest {

    private static SmallRyeConfig config(Map<String, String> application, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withInterceptors(new RenamedKeys())
                .build();
    }

    @Test
    void anOldKeySetAboveTheNewOneWins() {
        SmallRyeConfig config = config(Map.of("hotelmesh.clients.rate-svc.deadline", "2s"),
                Map.of("hotelmesh.rates.deadline", "5s"));

        assertEquals("5s", config.getRawValue("hotelmesh.clients.rate-svc.deadline"));
    }

    @Test
    void theNewKeyWinsOverAnOldOneSetBelowIt() {
        SmallRyeConfig config = config(Map.of("hotelmesh.catalog.deadline", "9s"),
                Map.of("hotelmesh.clients.hotel-svc.deadline", "1s"));

        assertEquals("1s", config.getRawValue("hotelmesh.clients.hotel-svc.deadline"));
    }

    @Test
    void anOldKeyAloneIsReadUnderItsNewName() {
        SmallRyeConfig config = config(Map.of("hotelmesh.pricing.default-floor", "500"), Map.of());

        assertEquals("500", config.getRawValue("hotelmesh.rates.default-floor"));
    }

    @Test
    void everyOldKeyKnowsItsNewName() {
        assertEquals(Optional.of("hotelmesh.clients.hotel-svc.deadline"),
                RenamedKeys.newName("hotelmesh.catalog.deadline"));
        assertEquals(Optional.of("hotelmesh.rates.default-floor"),
                RenamedKeys.newName("hotelmesh.pricing.default-floor"));
        assertEquals(Optional.empty(), RenamedKeys.newName("hotelmesh.saga.hold-ttl"));
    }

    @Test
    void theFactoryIsWhatSmallRyeConfigLoads() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("hotelmesh.payments.deadline", "4s"), "app", 250))
                .withInterceptorFactories(new RenamedKeys.Factory())
                .build();

        assertEquals("4s", config.getRawValue("hotelmesh.clients.payment-svc.deadline"));
    }

    @Test
    void aRenamedPrefixRenamesEveryKeyUnderIt() {
        assertEquals(List.of("hotelmesh.pricing.occupancy-cache-ttl"),
                RenamedKeys.oldNames("hotelmesh.rates.occupancy-cache-ttl"));
        assertEquals(List.of("hotelmesh.reservation-client.booking-deadline"),
                RenamedKeys.oldNames("hotelmesh.clients.reservation-svc.write-deadline"));
        assertEquals(List.of(), RenamedKeys.oldNames("hotelmesh.saga.hold-ttl"));
    }
}
