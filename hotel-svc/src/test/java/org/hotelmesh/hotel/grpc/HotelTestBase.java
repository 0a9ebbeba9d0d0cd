package org.hotelmesh.hotel.grpc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import org.hotelmesh.hotel.client.ReservationClient;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.InjectMock;
import io.smallrye.mutiny.Uni;

/**
 * Shared setup of the {@code @QuarkusTest}s that write to the catalog: reservation-svc (another service's boundary)
 * is mocked and by default knows no reservations and accepts every capacity report.
 */
abstract class HotelTestBase {

    @InjectMock
    ReservationClient reservationSvc;

    @BeforeEach
    void reservationSvcAcceptsEverything() {
        when(reservationSvc.setRoomTypeCapacity(any())).thenReturn(Uni.createFrom().voidItem());
        when(reservationSvc.hasFutureReservations(anyLong())).thenReturn(Uni.createFrom().item(false));
    }
}
