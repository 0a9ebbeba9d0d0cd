package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.hotelmesh.edge.ReservationFixtures.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.client.ReservationClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Public availability and the staff inventory tools. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class InventoryEndpointsTest {

    static final DateSpan TWO_NIGHTS = new DateSpan(LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30));

    @InjectMock
    ReservationClient reservations;

    @InjectMock
    HotelClient hotels;

    @Test
    void availabilityIsPublicAndHasTheContractShape() {
        when(reservations.getAvailability(1L, 0L, TWO_NIGHTS)).thenReturn(ok(new AvailabilityDto("1", "2027-04-28",
                "2027-04-30", List.of(new AvailabilityDto.RoomTypeAvailability("12", List.of(
                        new AvailabilityDto.Night("2027-04-28", 7), new AvailabilityDto.Night("2027-04-29", 0)))))));

        String body = given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/1/availability")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                {"hotelID":"1","startDate":"2027-04-28","endDate":"2027-04-30","roomTypes":[{"roomTypeID":"12",\
                "nights":[{"date":"2027-04-28","remaining":7},{"date":"2027-04-29","remaining":0}]}]}""", body);
        verifyNoInteractions(hotels);
    }

    @Test
    void availabilityOfOneRoomTypeOverAFullYear() {
        DateSpan year = new DateSpan(LocalDate.of(2028, 1, 1), LocalDate.of(2029, 1, 1)); // 366 days (leap year)
        when(reservations.getAvailability(1L, 12L, year))
                .thenReturn(ok(new AvailabilityDto("1", "2028-01-01", "2029-01-01", List.of())));

        given().queryParam("startDate", "2028-01-01").queryParam("endDate", "2029-01-01")
                .queryParam("roomTypeID", "12")
                .when().get("/v1/hotels/1/availability")
                .then().statusCode(200).body("roomTypes", equalTo(List.of()));
        verify(reservations).getAvailability(1L, 12L, year);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-04-28|2027-04-28|endDate|must be after startDate",
            "2027-04-28|2027-04-01|endDate|must be after startDate",
            "2028-01-01|2029-01-02|endDate|must be at most 366 days after startDate",
            "28.04.2027|2027-04-30|startDate|must be a valid date in the form YYYY-MM-DD",
            "2027-04-28||endDate|is required (YYYY-MM-DD)"})
    void availabilityRangeIsValidatedBeforeAnyCall(String start, String end, String field, String reason) {
        var request = given().queryParam("startDate", start);
        if (end != null) {
            request = request.queryParam("endDate", end);
        }
        request.when().get("/v1/hotels/1/availability")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", field, "reason", reason))));
        verifyNoInteractions(reservations);
    }

    @Test
    void hotelReservationsAreForItsStaff() {
        when(reservations.listHotelReservations(anyLong(), any(), any()))
                .thenReturn(ok(new PageDto<>(List.of(pending(ID)), null, 1)));

        given().header("Authorization", staffOf(245)).queryParam("when", "past").queryParam("pageSize", "5")
                .when().get("/v1/hotels/245/reservations")
                .then().statusCode(200)
                .body("items[0].guestID", equalTo("guest-1"))
                .body("nextPageToken", equalTo(null))
                .body("totalSize", equalTo(1));
        given().header("Authorization", admin()).when().get("/v1/hotels/245/reservations").then().statusCode(200);
        given().header("Authorization", staffOf(1)).when().get("/v1/hotels/245/reservations")
                .then().statusCode(403).body("detail", equalTo("Only staff of hotel 245 may do this"));
        given().header("Authorization", guest1()).when().get("/v1/hotels/245/reservations").then().statusCode(403);

        verify(reservations).listHotelReservations(245L, When.PAST, new PageQuery(5, ""));
        verify(reservations).listHotelReservations(245L, When.ALL, new PageQuery(20, ""));
    }

    @Test
    void inventoryRowsForOwnStaff() {
        when(reservations.getInventory(1L, 12L, TWO_NIGHTS)).thenReturn(ok(new InventoryDto(List.of(
                new InventoryDto.Row("2027-04-28", 10, 3, new BigDecimal("1.10"), 11, 0, 4)))));

        String body = given().header("Authorization", staffOf(1))
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/1/room-types/12/inventory")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                {"items":[{"date":"2027-04-28","totalInventory":10,"totalReserved":3,"overbookingRatio":1.10,\
                "sellableLimit":11,"maintenance":0,"version":4}]}""", body);
    }

    @Test
    void inventoryToolsAreForbiddenToGuestsAndOtherHotelsStaff() {
        for (String token : List.of(guest1(), staffOf(2))) {
            given().header("Authorization", token)
                    .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                    .when().get("/v1/hotels/1/room-types/12/inventory").then().statusCode(403);
            given().header("Authorization", token).when().get("/v1/hotels/1/room-types/12/overbooking")
                    .then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body("{\"ratio\":1.25}")
                    .when().put("/v1/hotels/1/room-types/12/overbooking").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body("{\"startDate\":\"2027-04-28\",\"endDate\":\"2027-04-30\",\"rooms\":2}")
                    .when().put("/v1/hotels/1/room-types/12/maintenance")
                    .then().statusCode(403).body("detail", equalTo("Only staff of hotel 1 may do this"));
        }
        given().when().get("/v1/hotels/1/room-types/12/overbooking").then().statusCode(401);
        verifyNoInteractions(reservations);
    }

    @Test
    void staffReadsAndSetsTheOverbookingRatio() {
        when(reservations.getOverbookingRatio(1L, 12L)).thenReturn(ok(new BigDecimal("1.10")));
        when(reservations.setOverbookingRatio(1L, 12L, new BigDecimal("1.25"))).thenReturn(ok(new BigDecimal("1.25")));
        when(reservations.setOverbookingRatio(1L, 12L, new BigDecimal("2.00"))).thenReturn(ok(new BigDecimal("2.00")));

        assertEquals("{\"ratio\":1.10}", given().header("Authorization", staffOf(1))
                .when().get("/v1/hotels/1/room-types/12/overbooking")
                .then().statusCode(200).extract().asString());
        assertEquals("{\"ratio\":1.25}", given().header("Authorization", staffOf(1))
                .contentType(ContentType.JSON).body("{\"ratio\":1.25}")
                .when().put("/v1/hotels/1/room-types/12/overbooking")
                .then().statusCode(200).extract().asString());
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"ratio\":2}")
                .when().put("/v1/hotels/1/room-types/12/overbooking")
                .then().statusCode(200);
        verify(reservations).setOverbookingRatio(1L, 12L, new BigDecimal("1.25"));
        verify(reservations).setOverbookingRatio(1L, 12L, new BigDecimal("2.00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"ratio\":0.99}|must be a number from 1.00 to 2.00 with at most 2 decimals",
            "{\"ratio\":2.01}|must be a number from 1.00 to 2.00 with at most 2 decimals",
            "{\"ratio\":1.255}|must be a number from 1.00 to 2.00 with at most 2 decimals",
            "{}|is required"})
    void ratioIsValidatedBeforeAnyCall(String body, String reason) {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(body)
                .when().put("/v1/hotels/1/room-types/12/overbooking")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", "ratio", "reason", reason))));
        verifyNoInteractions(reservations);
    }

    @Test
    void staffSetsMaintenanceAndGets204() {
        when(reservations.setMaintenance(1L, 12L, TWO_NIGHTS, 0)).thenReturn(Fixtures.<Void>ok(null));

        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2027-04-28\",\"endDate\":\"2027-04-30\",\"rooms\":0}")
                .when().put("/v1/hotels/1/room-types/12/maintenance")
                .then().statusCode(204);
        verify(reservations).setMaintenance(1L, 12L, TWO_NIGHTS, 0);
    }

    @Test
    void maintenanceIsValidatedBeforeAnyCall() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2027-04-30\",\"endDate\":\"2027-04-28\",\"rooms\":10001}")
                .when().put("/v1/hotels/1/room-types/12/maintenance")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "endDate", "reason", "must be after startDate"),
                        Map.of("field", "rooms", "reason", "must be between 0 and 10000"))));
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2027-04-28\",\"endDate\":\"2027-04-30\"}")
                .when().put("/v1/hotels/1/room-types/12/maintenance")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "rooms", "reason", "is required"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void catalogRoutesNextToTheInventoryRoutesStillWork() {
        when(hotels.getRoomType(1L, 12L)).thenReturn(Fixtures.found(Fixtures.roomType(1, 12)));

        given().when().get("/v1/hotels/1/room-types/12").then().statusCode(200).body("id", equalTo("12"));
        verifyNoInteractions(reservations);
    }
}
