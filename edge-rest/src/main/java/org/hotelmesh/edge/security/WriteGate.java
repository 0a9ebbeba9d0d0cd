package org.hotelmesh.edge.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import org.hotelmesh.edge.api.ReservationInput;
import org.hotelmesh.edge.http.RequestPaths;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who may write is decided before what they wrote is read: a write (POST, PUT, PATCH, DELETE) under /v1/ needs a
 * valid token, a hotel's resources need its staff or an administrator, creating and deleting hotels an administrator,
 * front-desk work on a reservation (check-in, room moves, check-out) staff of its hotel or an administrator, and a
 * change of a stay someone who may see the reservation, all before the body is parsed or checked. So a caller without
 * the right learns nothing about its input (no 400, 404 or 409 before the 401 or 403). Each resource checks again for
 * itself; this only moves the refusal first.
 */
public class WriteGate {

    private static final Pattern HOTEL = Pattern.compile("/v1/hotels/([0-9]{1,18})(/.*)?");
    private static final Pattern RESERVATION_ACTION =
            Pattern.compile("/v1/reservations/([^/]+)/(check-in|room-moves|check-out|changes)");
    private static final Pattern RESERVATION_ID = Pattern.compile(ReservationInput.ID_PATTERN);

    private final Authorizer authorizer;
    private final ReservationAccess access;

    public WriteGate(Authorizer authorizer, ReservationAccess access) {
        this.authorizer = authorizer;
        this.access = access;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> beforeTheBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH
                && method != HttpMethod.DELETE) {
            return Uni.createFrom().nullItem();
        }
        String path = RequestPaths.canonical(request);
        if (!path.startsWith("/v1/")) {
            return Uni.createFrom().nullItem();
        }
        Matcher hotel = HOTEL.matcher(path);
        Matcher action = RESERVATION_ACTION.matcher(path);
        boolean wholeHotel = hotel.matches() && hotel.group(2) == null;
        Uni<?> allowed;
        if (path.equals("/v1/hotels") || wholeHotel && method == HttpMethod.DELETE) {
            allowed = authorizer.requireAdmin();
        } else if (hotel.matches()) {
            allowed = authorizer.requireStaffOf(Long.parseLong(hotel.group(1)));
        } else if (action.matches() && method == HttpMethod.POST) {
            allowed = authorizer.requireAuthenticated().chain(caller -> reservationAction(caller, action));
        } else {
            allowed = authorizer.requireAuthenticated();
        }
        return allowed.replaceWith(Uni.createFrom().nullItem());
    }

    /** The reservation's own rule; a malformed id is left for the resource to refuse (after the role check). */
    private Uni<?> reservationAction(Caller caller, Matcher action) {
        String id = action.group(1);
        boolean change = action.group(2).equals("changes");
        if (!change) {
            ReservationAccess.requireFrontDeskRole(caller);
        }
        if (!RESERVATION_ID.matcher(id).matches()) {
            return Uni.createFrom().item(caller);
        }
        return change ? access.toChange(caller, id) : access.atTheFrontDesk(caller, id);
    }
}
