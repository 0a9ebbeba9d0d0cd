package org.hotelmesh.edge.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hotelmesh.edge.Fixtures.HOTEL_JSON;
import static org.hotelmesh.edge.Fixtures.ROOM_JSON;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.guest;
import static org.hotelmesh.edge.Fixtures.hotel;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.room;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.client.HotelClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class WriteAuthorizationTest {

    @InjectMock
    HotelClient hotels;

    @Test
    void writeWithoutTokenIs401WithBearerChallenge() {
        given().contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/1")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("A bearer token is required"))
                .body("instance", equalTo("/v1/hotels/1"));
        verifyNoInteractions(hotels);
    }

    @Test
    void guestCannotChangeAHotel() {
        given().header("Authorization", guest()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/1")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only staff of hotel 1 may do this"));
        verifyNoInteractions(hotels);
    }

    @Test
    void staffOfAnotherHotelIsForbidden() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(ROOM_JSON)
                .when().post("/v1/hotels/2/rooms")
                .then().statusCode(403)
                .body("detail", equalTo("Only staff of hotel 2 may do this"));
        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/2")
                .then().statusCode(403);
        verifyNoInteractions(hotels);
    }

    @Test
    void staffOfTheHotelCreatesARoomWithLocation() {
        when(hotels.createRoom(anyLong(), any())).thenReturn(ok(room(1, 100)));

        given().header("Authorization", staffOf(3, 1)).contentType(ContentType.JSON).body(ROOM_JSON)
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(201)
                .header("Location", endsWith("/v1/hotels/1/rooms/100"))
                .body("id", equalTo("100"))
                .body("roomTypeID", equalTo("12"));

        ArgumentCaptor<RoomInput> input = ArgumentCaptor.forClass(RoomInput.class);
        verify(hotels).createRoom(org.mockito.ArgumentMatchers.eq(1L), input.capture());
        assertEquals(new RoomInput("1205", 12, 12L, true), input.getValue());
    }

    @Test
    void staffOfTheHotelUpdatesIt() {
        when(hotels.updateHotel(anyLong(), any())).thenReturn(ok(hotel(1)));

        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/1")
                .then().statusCode(200)
                .body("id", equalTo("1"))
                .body("version", equalTo(3));
        verify(hotels).updateHotel(org.mockito.ArgumentMatchers.eq(1L), any(HotelInput.class));
    }

    @Test
    void staffTakeTheirHotelOffSaleAndOthersMayNot() {
        HotelDto off = new HotelDto("1", "Grand Seoul", null, "Asia/Seoul", 5, null, null, 4, null, null, true, null);
        when(hotels.setOffSale(1L, true)).thenReturn(Fixtures.ok(off));

        given().header("Authorization", staffOf(1)).contentType("application/json").body("{\"offSale\":true}")
                .when().put("/v1/hotels/1/sale")
                .then().statusCode(200).body("offSale", equalTo(true));
        given().header("Authorization", staffOf(2)).contentType("application/json").body("{\"offSale\":true}")
                .when().put("/v1/hotels/1/sale").then().statusCode(403);
        given().header("Authorization", staffOf(1)).contentType("application/json").body("{\"offSale\":\"yes\"}")
                .when().put("/v1/hotels/1/sale").then().statusCode(400).body("errors[0].field", equalTo("offSale"));
        given().header("Authorization", staffOf(1)).contentType("application/json").body("{}")
                .when().put("/v1/hotels/1/sale").then().statusCode(400).body("errors[0].field", equalTo("offSale"));
        verify(hotels).setOffSale(1L, true);
    }

    @Test
    void onlyAnAdministratorDeletesAHotelNotEvenItsOwnStaff() {
        when(hotels.deleteHotel(anyLong())).thenReturn(Fixtures.<Void>ok(null));

        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", admin()).when().delete("/v1/hotels/9")
                .then().statusCode(204);
        verify(hotels, org.mockito.Mockito.never()).deleteHotel(1L);
        verify(hotels).deleteHotel(9L);
    }

    @Test
    void adminCreatesHotelWith201AndLocation() {
        when(hotels.createHotel(any())).thenReturn(ok(hotel(245)));

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(201)
                .header("Location", endsWith("/v1/hotels/245"))
                .body("id", equalTo("245"))
                .body("address.country", equalTo("KR"));
        ArgumentCaptor<HotelInput> input = ArgumentCaptor.forClass(HotelInput.class);
        verify(hotels).createHotel(input.capture());
        assertEquals("Grand Seoul", input.getValue().name());
        assertEquals("Asia/Seoul", input.getValue().timeZone());
    }

    @Test
    void adminManagesAnyHotel() {
        when(hotels.updateHotel(anyLong(), any())).thenReturn(ok(hotel(77)));

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/77")
                .then().statusCode(200).body("id", equalTo("77"));
    }

    @Test
    void staffCannotCreateAHotel() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only a chain administrator may do this"));
        verify(hotels, never()).createHotel(any());
    }

    @Test
    void expiredTokenIs401() {
        String expired = DevTokens.mint(Fixtures.privateKey(), "hotelmesh", "admin-1", List.of("admin"), List.of(),
                Duration.ofMinutes(-10));

        given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("The bearer token is invalid or expired"));
        verifyNoInteractions(hotels);
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        Path otherKeys = Files.createTempDirectory("other-keys");
        DevTokens.ensureKeyPair(otherKeys);
        String forged = DevTokens.mint(otherKeys.resolve("private.pem"), "hotelmesh", "admin-1", List.of("admin"),
                List.of(), Duration.ofMinutes(10));

        given().header("Authorization", "Bearer " + forged).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("The bearer token is invalid or expired"));
        verifyNoInteractions(hotels);
    }

    @Test
    void aTokenMustBeForThisApiNameItsSubjectAndBeAtMostADayOld() {
        long now = java.time.Instant.now().getEpochSecond();
        String[] refused = {
            // another audience, or none
            "{\"iss\":\"hotelmesh\",\"aud\":\"another-api\",\"sub\":\"admin-1\",\"iat\":" + now + ",\"exp\":"
                    + (now + 600) + ",\"groups\":[\"admin\"]}",
            "{\"iss\":\"hotelmesh\",\"sub\":\"admin-1\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                    + ",\"groups\":[\"admin\"]}",
            // no subject
            "{\"iss\":\"hotelmesh\",\"aud\":\"hotelmesh-api\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                    + ",\"groups\":[\"admin\"]}",
            // issued two days ago, though it would expire only in an hour
            "{\"iss\":\"hotelmesh\",\"aud\":\"hotelmesh-api\",\"sub\":\"admin-1\",\"iat\":" + (now - 172_800)
                    + ",\"exp\":" + (now + 3600) + ",\"groups\":[\"admin\"]}"};
        for (String claims : refused) {
            String token = DevTokens.signClaims(Fixtures.privateKey(), claims);
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(HOTEL_JSON)
                    .when().post("/v1/hotels")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        verifyNoInteractions(hotels);

        // the same hand-made claims, for this API, with a subject and fresh: accepted
        when(hotels.createHotel(any())).thenReturn(ok(hotel(246)));
        String good = DevTokens.signClaims(Fixtures.privateKey(), "{\"iss\":\"hotelmesh\",\"aud\":\"hotelmesh-api\","
                + "\"sub\":\"admin-1\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"groups\":[\"admin\"]}");
        given().header("Authorization", "Bearer " + good).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(201);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        String foreign = DevTokens.mint(Fixtures.privateKey(), "someone-else", "admin-1", List.of("admin"),
                List.of(), Duration.ofMinutes(10));

        given().header("Authorization", "Bearer " + foreign).when().delete("/v1/hotels/1")
                .then().statusCode(401);
        verifyNoInteractions(hotels);
    }

    @Test
    void readsNeedNoTokenEvenWhenAnInvalidOneIsSent() {
        when(hotels.getHotel(1L)).thenReturn(Fixtures.found(hotel(1)));

        given().header("Authorization", "Bearer not-a-jwt").when().get("/v1/hotels/1")
                .then().statusCode(200).body("id", equalTo("1"));
    }
}
