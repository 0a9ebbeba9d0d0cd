package org.hotelmesh.rate.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class HealthTest {

    /** The management interface (its root, .../q/), where health and metrics are served, not on the service's port. */
    @TestHTTPResource(value = "", management = true)
    String management;

    @Test
    void readinessChecksPostgresqlAndIsUp() {
        given().when().get(management + "health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsIncludeTheOccupancyCache() {
        given().when().get(management + "metrics").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("cache=\"occupancy\""));
    }
}
