package org.hotelmesh.payment.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.vertx.core.json.JsonObject;

/**
 * A local fake of Stripe's PaymentIntents and Refunds API, on WireMock, with the semantics payment-svc relies on:
 * the secret key is checked; a write with an {@code Idempotency-Key} seen before answers what it answered the first
 * time and moves nothing (Stripe's replay); Stripe's test payment methods approve or decline as Stripe documents.
 * Tests make the next answer a 500, lost (the work is done, the connection reset), slow, or still in progress, and
 * read the ledger: how often each key moved money.
 */
public final class StripeFake implements ResponseDefinitionTransformerV2 {

    public static final String SECRET_KEY = "sk_test_hotelmesh_fake";

    /** What happens to the next write. */
    public enum Next {
        /** 500 before doing anything; nothing is saved for the key. */
        SERVER_ERROR,
        /** Done and saved, but the connection is reset before the answer. */
        LOSE_ANSWER,
        /** Done and saved; the answer leaves after {@link #SLOW_MILLIS}. */
        SLOW,
        /** A charge or refund accepted but not finished: "processing" / "pending" until {@link #settle()}. */
        UNFINISHED
    }

    public static final int SLOW_MILLIS = 2_500;

    private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(this));
    private final Deque<Next> next = new ArrayDeque<>();
    private final Map<String, Saved> saved = new HashMap<>();
    private final Map<String, JsonObject> intents = new LinkedHashMap<>();
    private final Map<String, JsonObject> refunds = new LinkedHashMap<>();
    private final Map<String, Long> captured = new HashMap<>();
    private final Map<String, Long> refunded = new HashMap<>();
    private final Map<String, Integer> executions = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private record Saved(int status, String body) {
    }

    public StripeFake launch() {
        server.start();
        server.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse()));
        return this;
    }

    public void shutdown() {
        server.stop();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public synchronized void next(Next what) {
        next.add(what);
    }

    /** Amounts captured, by idempotency key. */
    public synchronized Map<String, Long> captured() {
        return Map.copyOf(captured);
    }

    /** Amounts refunded (confirmed), by idempotency key. */
    public synchronized Map<String, Long> refunded() {
        return Map.copyOf(refunded);
    }

    /** How often the work of a key was done (never more than once, or money moved twice). */
    public synchronized int executions(String idempotencyKey) {
        return executions.getOrDefault(idempotencyKey, 0);
    }

    /** How many requests carried the key (the first and the replays). */
    public int requests(String idempotencyKey) {
        return (int) server.getAllServeEvents().stream()
                .filter(event -> idempotencyKey.equals(event.getRequest().getHeader("Idempotency-Key"))).count();
    }

    /** Finishes what is processing or pending: intents succeed, refunds succeed. */
    public synchronized void settle() {
        intents.values().stream().filter(intent -> "processing".equals(intent.getString("status")))
                .forEach(intent -> {
                    intent.put("status", "succeeded");
                    captured.put(intent.getJsonObject("metadata").getString("key"), intent.getLong("amount"));
                });
        refunds.values().stream().filter(refund -> "pending".equals(refund.getString("status")))
                .forEach(refund -> {
                    refund.put("status", "succeeded");
                    refunded.put(refund.getJsonObject("metadata").getString("key"), refund.getLong("amount"));
                });
    }

    @Override
    public String getName() {
        return "stripe-fake";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!("Bearer " + SECRET_KEY).equals(request.getHeader("Authorization"))) {
            return answer(401, error("invalid_request_error", null, null, "Invalid API Key provided"));
        }
        String path = request.getUrl().replaceFirst("\\?.*", "");
        if (request.getMethod().getName().equals("GET")) {
            JsonObject found = path.startsWith("/v1/payment_intents/") ? intents.get(last(path))
                    : path.startsWith("/v1/refunds/") ? refunds.get(last(path)) : null;
            return found == null ? answer(404, error("invalid_request_error", "resource_missing", null, "No such"))
                    : answer(200, found.encode());
        }
        String key = request.getHeader("Idempotency-Key");
        if (key == null) {
            return answer(400, error("invalid_request_error", null, null, "payment-svc always sends a key"));
        }
        Saved replay = saved.get(key);
        if (replay != null) {
            return answer(replay.status(), replay.body());
        }
        Next what = next.poll();
        if (what == Next.SERVER_ERROR) {
            return answer(500, error("api_error", null, null, "Something went wrong on Stripe's end"));
        }
        Map<String, String> form = form(request.getBodyAsString());
        Saved done = path.equals("/v1/payment_intents") ? charge(key, form, what == Next.UNFINISHED)
                : path.equals("/v1/refunds") ? refund(key, form, what == Next.UNFINISHED)
                : new Saved(404, error("invalid_request_error", null, null, "Unrecognized request URL"));
        saved.put(key, done);
        if (what == Next.LOSE_ANSWER) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        ResponseDefinitionBuilder response = builder(done.status(), done.body());
        return (what == Next.SLOW ? response.withFixedDelay(SLOW_MILLIS) : response).build();
    }

    private Saved charge(String key, Map<String, String> form, boolean unfinished) {
        String method = form.getOrDefault("payment_method", form.get("payment_method_data[card][token]"));
        long amount = Long.parseLong(form.get("amount"));
        if (method == null || !method.matches("(pm_card|tok)_[A-Za-z]+")) {
            return new Saved(400, error("invalid_request_error", "resource_missing", "payment_method",
                    "No such PaymentMethod: '" + method + "'"));
        }
        String card = method.replaceFirst("^(pm_card|tok)_", "");
        String id = "pi_" + ids.incrementAndGet();
        JsonObject intent = new JsonObject().put("id", id).put("object", "payment_intent").put("amount", amount)
                .put("currency", form.get("currency")).put("metadata", new JsonObject().put("key", key));
        intents.put(id, intent);
        switch (card) {
            case "visa", "mastercard", "amex" -> {
                intent.put("latest_charge", new JsonObject().put("id", "ch_" + id).put("payment_method_details",
                        new JsonObject().put("type", "card").put("card", new JsonObject().put("brand", card))));
                executions.merge(key, 1, Integer::sum);
                if (unfinished) {
                    intent.put("status", "processing");
                } else {
                    intent.put("status", "succeeded");
                    captured.put(key, amount);
                }
                return new Saved(200, intent.encode());
            }
            case "authenticationRequired" -> {
                intent.put("status", "requires_action");
                return new Saved(200, intent.encode());
            }
            default -> {
                intent.put("status", "requires_payment_method");
                return switch (card) {
                    case "chargeDeclined" -> declined("card_declined", "generic_decline", id);
                    case "chargeDeclinedInsufficientFunds" -> declined("card_declined", "insufficient_funds", id);
                    case "chargeDeclinedLostCard" -> declined("card_declined", "lost_card", id);
                    case "chargeDeclinedExpiredCard" -> declined("expired_card", null, id);
                    case "chargeDeclinedIncorrectCvc" -> declined("incorrect_cvc", null, id);
                    case "chargeDeclinedProcessingError" -> declined("processing_error", null, id);
                    default -> new Saved(400, error("invalid_request_error", "resource_missing", "payment_method",
                            "No such PaymentMethod: '" + method + "'"));
                };
            }
        }
    }

    private Saved refund(String key, Map<String, String> form, boolean unfinished) {
        JsonObject intent = intents.get(form.get("payment_intent"));
        if (intent == null || !"succeeded".equals(intent.getString("status"))) {
            return new Saved(400, error("invalid_request_error", "resource_missing", "payment_intent",
                    "No such payment_intent"));
        }
        long amount = Long.parseLong(form.get("amount"));
        long before = refunds.values().stream().filter(r -> intent.getString("id").equals(r.getString("payment_intent")))
                .mapToLong(r -> r.getLong("amount")).sum();
        if (before + amount > intent.getLong("amount")) {
            return new Saved(400, error("invalid_request_error", "charge_already_refunded", "amount",
                    "Refund amount is greater than unrefunded amount"));
        }
        String id = "re_" + ids.incrementAndGet();
        JsonObject refund = new JsonObject().put("id", id).put("object", "refund").put("amount", amount)
                .put("payment_intent", intent.getString("id")).put("status", unfinished ? "pending" : "succeeded")
                .put("metadata", new JsonObject().put("key", key));
        refunds.put(id, refund);
        executions.merge(key, 1, Integer::sum);
        if (!unfinished) {
            refunded.put(key, amount);
        }
        return new Saved(200, refund.encode());
    }

    private static Saved declined(String code, String declineCode, String intentId) {
        JsonObject error = new JsonObject().put("type", "card_error").put("code", code)
                .put("message", "Your card was declined.").put("payment_intent", new JsonObject().put("id", intentId));
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        return new Saved(402, new JsonObject().put("error", error).encode());
    }

    private static String error(String type, String code, String param, String message) {
        JsonObject error = new JsonObject().put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        if (param != null) {
            error.put("param", param);
        }
        return new JsonObject().put("error", error).encode();
    }

    private static ResponseDefinition answer(int status, String body) {
        return builder(status, body).build();
    }

    private static ResponseDefinitionBuilder builder(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
