package org.hotelmesh.rate.grpc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;

import org.hotelmesh.proto.rate.v1.RateServiceGrpc.RateServiceBlockingStub;
import org.hotelmesh.rate.client.InventoryClient;
import org.hotelmesh.support.catalog.HotelClient;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.smallrye.mutiny.Uni;

/**
 * Shared wiring of the {@code @QuarkusTest}s: a gRPC client of this service over the network; the catalog
 * (hotel-svc) and the inventory (reservation-svc), other services' boundaries, mocked to answer from
 * {@link Fixtures}.
 */
abstract class RateTestBase {

    @InjectMock
    HotelClient catalog;

    @InjectMock
    InventoryClient inventory;

    @GrpcClient("rate")
    RateServiceBlockingStub rates;

    @BeforeEach
    void neighboursAnswerFromFixtures() {
        when(catalog.findHotel(anyLong())).thenAnswer(call -> Uni.createFrom()
                .item(Optional.ofNullable(Fixtures.HOTELS.get((Long) call.getArgument(0)))));
        when(inventory.occupancy(anyLong(), anyLong(), any(), any())).thenAnswer(call -> Uni.createFrom()
                .item(Fixtures.inventory(call.getArgument(0), call.getArgument(1), (LocalDate) call.getArgument(2),
                        (LocalDate) call.getArgument(3))));
    }
}
