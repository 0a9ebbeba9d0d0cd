package org.hotelmesh.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's Prometheus metrics (/q/metrics on its management port), read before and after a scenario. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Metrics() {
    }

    /** Every sample, keyed by its name and labels as printed; empty when the service does not answer. */
    static Map<String, Double> scrape(int managementPort) throws InterruptedException {
        Map<String, Double> samples = new HashMap<>();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (!line.startsWith("#") && m.find()) {
                    try {
                        samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
                                Double.parseDouble(m.group(3)));
                    } catch (NumberFormatException ignored) {
                        // NaN and friends are fine to skip
                    }
                }
            }
        } catch (IOException e) {
            // reported as "no metrics" by the callers' figures
        }
        return samples;
    }

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given. */
    static double sum(Map<String, Double> samples, String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(name + "{") && !key.equals(name)) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= key.contains(label);
            }
            if (all) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Per Caffeine cache (Micrometer's cache_gets_total): hits / gets between the two scrapes, as "name 93%". */
    static String cacheHits(Map<String, Double> before, Map<String, Double> after, String... caches) {
        StringBuilder sb = new StringBuilder();
        for (String cache : caches) {
            String c = "cache=\"" + cache + "\"";
            double hits = sum(after, "cache_gets_total", c, "result=\"hit\"")
                    - sum(before, "cache_gets_total", c, "result=\"hit\"");
            double misses = sum(after, "cache_gets_total", c, "result=\"miss\"")
                    - sum(before, "cache_gets_total", c, "result=\"miss\"");
            sb.append(sb.isEmpty() ? "" : ", ").append(cache.replace("search-", "")).append(' ')
                    .append(hits + misses == 0 ? "-" : String.format("%.0f%% of %,.0f", 100 * hits / (hits + misses),
                            hits + misses));
        }
        return sb.toString();
    }

    /** The gRPC calls a service answered between the two scrapes, of one method (any status). */
    static double grpcCalls(Map<String, Double> before, Map<String, Double> after, String method) {
        String m = "method=\"" + method + "\"";
        return sum(after, "grpc_server_processing_duration_seconds_count", m)
                - sum(before, "grpc_server_processing_duration_seconds_count", m);
    }
}
