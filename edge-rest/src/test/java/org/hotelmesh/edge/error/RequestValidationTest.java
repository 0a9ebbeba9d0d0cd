package org.hotelmesh.edge.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hotelmesh.edge.Fixtures.HOTEL_JSON;
import static org.hotelmesh.edge.Fixtures.ROOM_JSON;
import static org.hotelmesh.edge.Fixtures.ROOM_TYPE_JSON;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.client.HotelClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every malformed request is a 4xx problem answered before hotel-svc is called. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class RequestValidationTest {

    @InjectMock
    HotelClient hotels;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    @AfterEach
    void hotelSvcWasNeverCalled() {
        verifyNoInteractions(hotels);
    }

    @Test
    void invalidHotelFieldsAreAllNamedInErrors() {
        String body = """
                {"name":"","address":{"line1":"1 Main St","city":"Seoul","country":"XX"},
                 "timeZone":"Mars/Olympus","starRating":6}""";

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/v1/hotels"))
                .body("detail", equalTo("address.country must be an ISO-3166 alpha-2 code (and 3 more)"))
                .body("errors", equalTo(List.of(
                        Map.of("field", "address.country", "reason", "must be an ISO-3166 alpha-2 code"),
                        Map.of("field", "name", "reason", "must not be blank"),
                        Map.of("field", "starRating", "reason", "must be between 0 and 5"),
                        Map.of("field", "timeZone", "reason", "must be an IANA time zone id such as Asia/Seoul"))));
    }

    @Test
    void roomTypeLimitsAreEnforced() {
        String tooMany = "[" + "\"a\",".repeat(50) + "\"a\"]";
        String body = """
                {"name":"Suite","maxOccupancy":21,"bedConfiguration":"1 king","amenities":%s}""".formatted(tooMany);
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/hotels/1/room-types")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("amenities", "maxOccupancy")));

        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"name\":\"Suite\",\"maxOccupancy\":2,\"bedConfiguration\":\"1 king\",\"amenities\":[\"wifi\",\"\"]}")
                .when().put("/v1/hotels/1/room-types/4")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("amenities[1]"))
                .body("errors[0].reason", equalTo("must not be blank"));
    }

    @Test
    void roomNumberFloorAndTypeAreChecked() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"number\":\"12 05\",\"floor\":201,\"roomTypeID\":0}")
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("floor", "number", "roomTypeID")));
    }

    @Test
    void unknownFieldIsRejected() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body(ROOM_JSON.replace("{", "{\"colour\":\"blue\","))
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown field 'colour'"))
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void wrongTypeIsRejected() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(HOTEL_JSON.replace("\"starRating\":5", "\"starRating\":\"five\""))
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'starRating' has the wrong type"))
                .body("errors[0].field", equalTo("starRating"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"floor\":12.5", "\"number\":1205", "\"inService\":1", "\"inService\":\"true\"",
            "\"floor\":\"١٢\"", "\"roomTypeID\":\"１２\"", "\"roomTypeID\":\" 12\"", "\"floor\":\"1e1\""})
    void valuesOfTheWrongJsonTypeAreNotCoerced(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = "{\"number\":\"1205\",\"floor\":12,\"roomTypeID\":12,\"inService\":true}"
                .replaceFirst("\"" + name + "\":[^,}]+", java.util.regex.Matcher.quoteReplacement(field));
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(body)
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void roomTypeIdAsTextThatIsNotANumberIsRejected() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body(ROOM_JSON.replace("\"12\"", "\"twelve\""))
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("roomTypeID"));
    }

    @Test
    void malformedJsonIsRejected() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"name\": \"Grand")
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" garbage", "{}", " {\"name\":\"Other\"}", "]"})
    void bytesAfterTheBodyAreRejected(String trailing) {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON + trailing)
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDuplicatedKeyIsRejected() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(HOTEL_JSON.replace("\"starRating\":5", "\"starRating\":5,\"starRating\":1"))
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingBodyIsRejected() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("A JSON request body is required"));
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("[1,2]")
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413Problem() {
        String huge = ROOM_TYPE_JSON.replace("City view", "x".repeat(70_000));
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(huge)
                .when().post("/v1/hotels/1/room-types")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than 65536 bytes"));
    }

    @Test
    void aBodySentChunkedOverHttp11IsRefusedSoNoBodyEscapesTheLimit() throws Exception {
        String huge = ROOM_TYPE_JSON.replace("City view", "x".repeat(70_000));
        sentWithoutALength(huge, java.net.http.HttpClient.Version.HTTP_1_1);
        verifyNoInteractions(hotels);
    }

    private void sentWithoutALength(String huge, java.net.http.HttpClient.Version version) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().version(version).build();
        // a body publisher of unknown length: sent chunked, with no Content-Length to check up front
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "v1/hotels/1/room-types"))
                .header("Authorization", staffOf(1)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(411, answer.statusCode(), version + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("Send the request body with a Content-Length (at most 65536 bytes)"),
                version + ": " + answer.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999", "١٢٣", "１２３", "+1"})
    void malformedIdOnWriteIsBadRequest(String id) {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("hotel id must be a positive integer"));
    }

    @Test
    void unknownPathIs404Problem() {
        given().when().get("/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/v1/nothing-here"));
        given().when().get("/v1/hotels/1/garages")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/nothing/at/all")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no resource at /nothing/at/all"));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        given().when().patch("/v1/hotels/1")
                .then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void unsupportedMediaTypesAreProblems() {
        given().header("Authorization", admin()).contentType(ContentType.XML).body("<hotel/>")
                .when().post("/v1/hotels")
                .then().statusCode(415).contentType("application/problem+json");
        given().accept(ContentType.XML).when().get("/v1/hotels/1")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void writesAreCheckedForAuthBeforeTheBody() {
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .when().post("/v1/hotels")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void errorsListIsAbsentOnNonValidationProblems() {
        given().when().get("/v1/hotels/abc")
                .then().statusCode(400)
                .body("keySet()", hasItem("detail"))
                .body("errors", equalTo(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "\"99999999999\""})
    void anOutOfRangeNumberNamesItsField(String floor) {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON)
                .body("{\"number\":\"1205\",\"floor\":" + floor + ",\"roomTypeID\":12,\"inService\":true}")
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Field 'floor' is out of range (at most 2147483647)"))
                .body("errors[0].field", equalTo("floor"));
    }

    @Test
    void aRatioSentAsTextIsNotANumber() {
        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body("{\"ratio\":\"1.5\"}")
                .when().put("/v1/hotels/1/room-types/4/overbooking")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ratio"));
    }

    @Test
    void anAnonymousCallerLearnsNothingAboutItsInputBeforeItIsAuthenticated() {
        for (String body : List.of("{\"ratio\":\"1.5\"}", "{\"ratio\":1.5,\"ratio\":1.2}", "{\"ratio\":1.5} xyz")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().put("/v1/hotels/1/room-types/4/overbooking")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"name\":")
                .when().post("/v1/hotels").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Grand \\ud800 Hotel", "Grand \\u001b[31m Hotel", "evil\\u202egnp", "nul\\u0000"})
    void textThatIsNotPlainIsRefusedNamingTheField(String name) {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(HOTEL_JSON.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"" + name.replace("\\", "\\\\") + "\""))
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("detail", startsWith("Field 'name' must not contain"));
    }

    @Test
    void aLongRequestTargetIs414AndHugeHeadersAre431WithProblemDocuments() {
        given().when().get("/v1/hotels/1?pad=" + "x".repeat(5_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("detail", equalTo("The request target is longer than 4096 characters"));
        given().header("X-Pad", "y".repeat(30_000)).when().get("/v1/hotels/1")
                .then().statusCode(431).contentType("application/problem+json")
                .body("detail", equalTo("The request headers are larger than 20480 bytes"));
        given().header("X-Pad", "y".repeat(12_000)).header("X-Pad-2", "z".repeat(12_000))
                .when().get("/v1/hotels/abc")
                .then().statusCode(431).contentType("application/problem+json");
    }

    @Test
    void beyondVertxOwnLimitsTheAnswerIsStillA4xx() {
        given().when().get("/v1/hotels/1?pad=" + "x".repeat(20_000)).then().statusCode(414);
        given().header("X-Pad", "y".repeat(100_000)).when().get("/v1/hotels/1").then().statusCode(431);
    }
}
