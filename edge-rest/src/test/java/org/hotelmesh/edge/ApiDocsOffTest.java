package org.hotelmesh.edge;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The API's description (OpenAPI, Swagger UI) is public only when a setting says so; by default it is not served. */
@QuarkusTest
@TestProfile(ApiDocsOffTest.Default.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class ApiDocsOffTest {

    /** The production default: HOTELMESH_PUBLIC_API_DOCS unset. */
    public static class Default implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.swagger-ui.enable", "false", "quarkus.smallrye-openapi.enable", "false");
        }
    }

    @Test
    void neitherTheOpenApiDocumentNorSwaggerUiIsServed() {
        for (String path : new String[] {"/q/openapi", "/q/openapi.json", "/q/swagger-ui/", "/q/swagger-ui/index.html"}) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get("/").then().statusCode(200); // the pages are
    }
}
