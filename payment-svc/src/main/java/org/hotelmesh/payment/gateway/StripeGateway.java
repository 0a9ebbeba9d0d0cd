package org.hotelmesh.payment.gateway;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.hotelmesh.payment.config.GatewayConfig;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Stripe, through its PaymentIntents and Refunds API (form-encoded requests, JSON answers). A charge creates and
 * confirms a PaymentIntent with the guest's payment method in one request; a refund refunds part or all of it (one
 * PaymentIntent may have several refunds, as long as together they stay within its amount).
 *
 * <p>Every write carries payment-svc's id of the operation as {@code Idempotency-Key}: asked again - after a lost
 * answer, a timeout, a crash - Stripe answers what it answered the first time and moves no money twice. Stripe
 * replays the saved answer even when it said "processing" or "pending", so an operation that was still under way is
 * looked up by its id for where it stands now.
 *
 * <p>What the answer means here: {@code succeeded} is done; a card error (HTTP 402) is a decline with Stripe's decline
 * code; an unknown or unusable payment method is a decline too (the guest can pay again with another); a request
 * Stripe refused for our own fault (a wrong key, a bad parameter) fails the operation and is logged as an error; and
 * anything that may still change - a 5xx, a 409 (the same key still being worked on), a 429, a network error, an
 * operation in progress - fails the call, which leaves the operation PROCESSING for the resume job.
 */
@ApplicationScoped
@Typed(StripeGateway.class)
public class StripeGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);
    /** Stripe's PaymentMethod ids and card tokens: a prefix, then letters, digits and underscores. */
    private static final Pattern TOKEN = Pattern.compile("(pm|tok)_[A-Za-z0-9_]{1,250}");

    private final GatewayConfig.Stripe config;
    private final WebClient client;

    public StripeGateway(Vertx vertx, GatewayConfig config) {
        this.config = config.stripe();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                .setUserAgent("hotelmesh-payment-svc").setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Optional<String> rejectToken(String token) {
        return TOKEN.matcher(token).matches() ? Optional.empty()
                : Optional.of("is not a Stripe payment method (pm_...) or card token (tok_...)");
    }

    @Override
    public Uni<ChargeOutcome> charge(String idempotencyKey, long amountMinor, String currency, String token) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("amount", Long.toString(amountMinor))
                .add("currency", currency.toLowerCase(Locale.ROOT))
                .add("confirm", "true")
                .add("payment_method_types[]", "card")
                .add("expand[]", "latest_charge")
                .add("metadata[payment_id]", idempotencyKey);
        if (token.startsWith("tok_")) {
            form.add("payment_method_data[type]", "card").add("payment_method_data[card][token]", token);
        } else {
            form.add("payment_method", token);
        }
        return write("/v1/payment_intents", idempotencyKey, form)
                .chain(response -> {
                    JsonObject body = body(response);
                    if (response.statusCode() == 200) {
                        return "processing".equals(body.getString("status"))
                                ? get("/v1/payment_intents/" + body.getString("id") + "?expand%5B%5D=latest_charge")
                                        .map(current -> intent(idempotencyKey, current))
                                : Uni.createFrom().item(intent(idempotencyKey, body));
                    }
                    return Uni.createFrom().item(chargeError(idempotencyKey, response.statusCode(), body));
                });
    }

    @Override
    public Uni<String> refund(String idempotencyKey, String chargeReference, long amountMinor, String currency) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("payment_intent", chargeReference)
                .add("amount", Long.toString(amountMinor))
                .add("metadata[refund_id]", idempotencyKey);
        return write("/v1/refunds", idempotencyKey, form)
                .chain(response -> {
                    JsonObject body = body(response);
                    if (response.statusCode() != 200) {
                        throw unfinished("refund " + idempotencyKey, response.statusCode(), body);
                    }
                    return "succeeded".equals(body.getString("status")) ? Uni.createFrom().item(body)
                            : get("/v1/refunds/" + body.getString("id"));
                })
                .map(refund -> {
                    String status = refund.getString("status");
                    if (!"succeeded".equals(status)) {
                        // pending: confirmed later; failed or canceled: money never went back, staff must look
                        throw new GatewayUnfinished("refund " + idempotencyKey + " is " + status + " at Stripe"
                                + (refund.getString("failure_reason") == null ? ""
                                        : " (" + refund.getString("failure_reason") + ")"));
                    }
                    return refund.getString("id");
                });
    }

    /** What a PaymentIntent's state means for the charge. */
    private static ChargeOutcome intent(String key, JsonObject intent) {
        String status = intent.getString("status", "");
        return switch (status) {
            case "succeeded" -> new Captured(intent.getString("id"), brand(intent));
            case "requires_payment_method" -> new Declined(declineCode(intent.getJsonObject("last_payment_error")));
            // 3-D Secure or another step the guest would have to take: this flow cannot, so the card does not pay
            case "requires_action", "requires_confirmation" -> new Declined("authentication_required");
            case "canceled" -> new Failed("the payment intent was canceled");
            default -> throw new GatewayUnfinished("charge " + key + " is " + status + " at Stripe");
        };
    }

    /** A non-200 answer to a charge: a decline, our own fault, or not finished yet. */
    private static ChargeOutcome chargeError(String key, int statusCode, JsonObject body) {
        JsonObject error = body.getJsonObject("error", new JsonObject());
        String code = error.getString("code", "");
        if (statusCode == 402 && "card_error".equals(error.getString("type"))) {
            return "processing_error".equals(code) ? new Failed("processing_error") : new Declined(declineCode(error));
        }
        if (statusCode == 400 && ("payment_method".equals(error.getString("param"))
                || error.getString("param", "").startsWith("payment_method_data")
                || "resource_missing".equals(code) || "token_already_used".equals(code))) {
            return new Declined("invalid_payment_method");
        }
        if (statusCode == 400 || statusCode == 401 || statusCode == 403 || statusCode == 404) {
            LOG.errorf("charge %s: Stripe refused the request (%d %s: %s); check hotelmesh.gateway.stripe.*", key,
                    statusCode, error.getString("type"), error.getString("message"));
            return new Failed("the processor refused the request (" + statusCode + ")");
        }
        throw unfinished("charge " + key, statusCode, body);
    }

    private static String declineCode(JsonObject error) {
        if (error == null) {
            return "card_declined";
        }
        String declineCode = error.getString("decline_code");
        return declineCode != null && !declineCode.isBlank() ? declineCode : error.getString("code", "card_declined");
    }

    private static String brand(JsonObject intent) {
        Object charge = intent.getValue("latest_charge");
        if (charge instanceof JsonObject c) {
            JsonObject details = c.getJsonObject("payment_method_details", new JsonObject());
            JsonObject card = details.getJsonObject("card");
            if (card != null && card.getString("brand") != null) {
                return card.getString("brand");
            }
            return details.getString("type", "card");
        }
        return "card";
    }

    private Uni<HttpResponse<Buffer>> write(String path, String idempotencyKey, MultiMap form) {
        return authorized(client.postAbs(config.apiBase() + path)).putHeader("Idempotency-Key", idempotencyKey)
                .sendForm(form);
    }

    private Uni<JsonObject> get(String pathAndQuery) {
        return authorized(client.getAbs(config.apiBase() + pathAndQuery)).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unfinished("GET " + pathAndQuery, response.statusCode(), body(response));
                    }
                    return body(response);
                });
    }

    private HttpRequest<Buffer> authorized(HttpRequest<Buffer> request) {
        return request.bearerTokenAuthentication(config.secretKey().orElseThrow())
                .putHeader("Stripe-Version", config.apiVersion());
    }

    private static JsonObject body(HttpResponse<Buffer> response) {
        try {
            JsonObject body = response.bodyAsJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    private static GatewayUnfinished unfinished(String what, int statusCode, JsonObject body) {
        JsonObject error = body.getJsonObject("error", new JsonObject());
        return new GatewayUnfinished(what + ": Stripe answered " + statusCode
                + (error.getString("message") == null ? "" : " (" + error.getString("message") + ")"));
    }

    /** The processor has not finished the operation (yet): it stays PROCESSING and is asked again later. */
    static final class GatewayUnfinished extends RuntimeException {
        GatewayUnfinished(String message) {
            super(message, null, false, false);
        }
    }
}
