package org.hotelmesh.payment.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends PaymentTestBase {

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
}
