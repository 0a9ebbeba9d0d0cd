package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET/PUT /v1/hotels/{id}/cancellation-policy: public terms, set by the hotel's staff. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class CancellationPolicyEndpointsTest {

    private static final HotelCancellationPolicyDto DEFAULT = new HotelCancellationPolicyDto("245", "default", 2,
            "first_night", null, "free cancellation until 2 days before arrival; after that, the first night is charged");

    @InjectMock
    ReservationClient reservations;

    @Test
    void anyoneMayReadTheTerms() {
        when(reservations.getCancellationPolicy(245)).thenReturn(ok(DEFAULT));

        String body = given().when().get("/v1/hotels/245/cancellation-policy").then().statusCode(200)
                .extract().asString();

        assertEquals("""
                {"hotelID":"245","source":"default","freeUntilDays":2,"fee":"first_night","feePercent":null,\
                "terms":"free cancellation until 2 days before arrival; after that, the first night is charged"}""",
                body);
    }

    @Test
    void staffOfTheHotelSetIt() {
        CancellationPolicyInput input = new CancellationPolicyInput(7, "percentage", 30);
        when(reservations.setCancellationPolicy(245, input)).thenReturn(ok(new HotelCancellationPolicyDto("245",
                "hotel", 7, "percentage", 30, "free cancellation until 7 days before arrival; after that, 30% of the"
                + " total is charged")));

        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"freeUntilDays\":7,\"fee\":\"percentage\",\"feePercent\":30}")
                .when().put("/v1/hotels/245/cancellation-policy")
                .then().statusCode(200).body("source", equalTo("hotel")).body("feePercent", equalTo(30));
        verify(reservations).setCancellationPolicy(245, input);
    }

    @Test
    void guestsAndOtherHotelsStaffMayNotSetItAndBadValuesAre400() {
        String body = "{\"freeUntilDays\":7,\"fee\":\"first_night\"}";
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(body)
                .when().put("/v1/hotels/245/cancellation-policy").then().statusCode(403);
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(body)
                .when().put("/v1/hotels/245/cancellation-policy").then().statusCode(403);
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"freeUntilDays\":-1,\"fee\":\"all of it\",\"feePercent\":101}")
                .when().put("/v1/hotels/245/cancellation-policy")
                .then().statusCode(400).body("errors", equalTo(List.of(
                        Map.of("field", "fee", "reason", "must be first_night or percentage"),
                        Map.of("field", "feePercent", "reason", "must be between 1 and 100"),
                        Map.of("field", "freeUntilDays", "reason", "must be between 0 and 365"))));
        verify(reservations, never()).setCancellationPolicy(anyLong(), any());
    }

    @Test
    void anUnknownHotelIs404AndAMalformedIdIs400() {
        when(reservations.getCancellationPolicy(9)).thenReturn(failed(
                Status.NOT_FOUND.withDescription("hotel 9 not found").asRuntimeException()));

        given().when().get("/v1/hotels/9/cancellation-policy")
                .then().statusCode(404).body("detail", equalTo("hotel 9 not found"));
        given().when().get("/v1/hotels/x/cancellation-policy").then().statusCode(400);
    }
}
