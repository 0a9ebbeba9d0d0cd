package org.hotelmesh.devtools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code HttpGet URL}: exits 0 on a 2xx answer. ./mesh uses it where curl is not installed. */
public final class HttpGet {

    private HttpGet() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.body());
            System.exit(response.statusCode() / 100 == 2 ? 0 : 1);
        } catch (java.io.IOException e) {
            System.exit(1);
        }
    }
}
