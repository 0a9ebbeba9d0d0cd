package org.hotelmesh.support.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc;
import org.hotelmesh.support.error.PermissionDenied;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Caller EDGE = Caller.service("edge-rest", true);
    private static final User ALICE = new User("alice", Set.of(User.GUEST), Set.of());
    private static final User STAFF_7 = new User("staff-7", Set.of(User.STAFF), Set.of(7L));
    private static final User ADMIN = new User("admin", Set.of(User.ADMIN), Set.of());

    @Test
    void aGuestActsForThemselvesOnly() {
        Caller alice = EDGE.actingFor(ALICE);
        assertEquals("alice", alice.guest(""));
        assertEquals("alice", alice.guest("alice"));
        assertThrows(PermissionDenied.class, () -> alice.guest("bob"));
        assertThrows(PermissionDenied.class, () -> EDGE.actingFor(STAFF_7).guest(""));
        assertThrows(PermissionDenied.class, () -> EDGE.guest("alice"), "the edge must pass its user on");
        assertEquals("bob", Caller.tool("ops", Set.of()).guest("bob"), "a tool names the guest");
    }

    @Test
    void aHotelIsManagedByItsStaffAndAdministrators() {
        assertTrue(EDGE.actingFor(STAFF_7).mayManage(7));
        assertFalse(EDGE.actingFor(STAFF_7).mayManage(8));
        assertTrue(EDGE.actingFor(ADMIN).mayManage(8));
        assertFalse(EDGE.actingFor(ALICE).mayManage(7));
        assertThrows(PermissionDenied.class, () -> EDGE.requireStaffOf(7));
        assertTrue(Caller.service("hotel-svc", false).mayManage(7));
        assertThrows(PermissionDenied.class, () -> EDGE.actingFor(STAFF_7).requireAdmin());
    }

    @Test
    void aRecordIsSeenByItsGuestItsHotelsStaffAndAdministrators() {
        assertTrue(EDGE.actingFor(ALICE).maySee("alice", 7));
        assertFalse(EDGE.actingFor(ALICE).maySee("bob", 7));
        assertTrue(EDGE.actingFor(STAFF_7).maySee("bob", 7));
        assertFalse(EDGE.actingFor(STAFF_7).maySee("bob", 8));
        assertFalse(EDGE.maySee("bob", 7), "no user, nothing to see");
        assertEquals("alice", EDGE.actingFor(ALICE).actor());
        assertEquals("tool:ops", Caller.tool("ops", Set.of()).actor());
    }

    @Test
    void aRuleAdmitsItsServicesAndToolsWithTheRole() {
        AccessRule writes = AccessRule.services("edge-rest").orToolsWith("reservation.write");
        assertTrue(writes.allows(EDGE));
        assertFalse(writes.allows(Caller.service("rate-svc", false)));
        assertFalse(writes.allows(Caller.tool("report", Set.of())));
        assertFalse(writes.allows(Caller.tool("ops", Set.of("hotel.write"))));
        assertTrue(writes.allows(Caller.tool("ops", Set.of("reservation.write"))));
        assertFalse(AccessRule.services("hotel-svc").allows(Caller.tool("root", Set.of("reservation.write"))));
        assertTrue(AccessRule.anyone().allows(Caller.service("payment-svc", false)));
    }

    @Test
    void aPolicyMissingAMethodDoesNotStartAndReflectionIsForTools() {
        class Incomplete extends AccessPolicy {
            Incomplete() {
                rule(PaymentServiceGrpc.getChargeMethod(), AccessRule.services("reservation-svc"));
                coverAll(List.of(PaymentServiceGrpc.getServiceDescriptor()));
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, Incomplete::new);
        assertTrue(e.getMessage().contains("hotelmesh.payment.v1.PaymentService/GetPayment"), e.getMessage());

        class Complete extends AccessPolicy {
            Complete() {
                PaymentServiceGrpc.getServiceDescriptor().getMethods()
                        .forEach(m -> rule(m, AccessRule.services("reservation-svc")));
                coverAll(List.of(PaymentServiceGrpc.getServiceDescriptor()));
            }
        }
        AccessRule reflection = new Complete().ruleFor("grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
                .orElseThrow();
        assertTrue(reflection.allows(Caller.tool("grpcurl", Set.of())));
        assertFalse(reflection.allows(EDGE));
        assertTrue(new Complete().ruleFor("hotelmesh.payment.v1.PaymentService/Unknown").isEmpty());
    }
}
