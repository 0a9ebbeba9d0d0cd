package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.CancellationPolicyDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.PaymentDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.StatusChangeDto;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.reservation.v1.CancellationFee;
import org.hotelmesh.proto.reservation.v1.CancellationPolicy;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityResponse;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.NightAvailability;
import org.hotelmesh.proto.reservation.v1.NightPrice;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.PaymentState;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.ReservationPayment;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.RoomTypeAvailability;
import org.hotelmesh.proto.reservation.v1.StatusChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReservationMapperTest {

    private static Date date(int y, int m, int d) {
        return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
    }

    private static DateRange stay() {
        return DateRange.newBuilder().setStartDate(date(2027, 4, 28)).setEndDate(date(2027, 4, 30)).build();
    }

    @Test
    void unpricedReservationHasNullTotalAndQuote() {
        Reservation proto = Reservation.newBuilder().setReservationId("r-1").setHotelId(245).setRoomTypeId(12)
                .setStay(stay()).setRooms(1).setGuestId("guest-42").setStatus(ReservationStatus.PENDING)
                .addHistory(StatusChange.newBuilder().setStatus(ReservationStatus.PENDING).setAt("2026-11-22T10:00:00Z"))
                .setCreatedAt("2026-11-22T10:00:00Z")
                .build();

        assertEquals(new ReservationDto("r-1", "245", "12", "2027-04-28", "2027-04-30", 1, "guest-42", "pending", null,
                List.of(), List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z")), "2026-11-22T10:00:00Z",
                null, null, null), ReservationMapper.toDto(proto));
    }

    @Test
    void pricedReservationCarriesTotalNightsAndLowerCaseStatuses() {
        Money night = Money.newBuilder().setAmountMinor(6000).setCurrency("EUR").build();
        Reservation proto = Reservation.newBuilder().setReservationId("r-2").setHotelId(1).setRoomTypeId(3)
                .setStay(stay()).setRooms(2).setGuestId("g").setStatus(ReservationStatus.REFUNDED)
                .setTotal(Money.newBuilder().setAmountMinor(24000).setCurrency("EUR"))
                .addNights(NightPrice.newBuilder().setDate(date(2027, 4, 28)).setPrice(night))
                .addNights(NightPrice.newBuilder().setDate(date(2027, 4, 29)).setPrice(night))
                .addHistory(StatusChange.newBuilder().setStatus(ReservationStatus.PAID).setAt("t1"))
                .addHistory(StatusChange.newBuilder().setStatus(ReservationStatus.REFUNDED).setAt("t2"))
                .setCreatedAt("t0").setQuoteId("q-9")
                .build();

        ReservationDto dto = ReservationMapper.toDto(proto);

        assertEquals("refunded", dto.status());
        assertEquals(new MoneyDto(24000, "EUR"), dto.total());
        assertEquals(List.of(new NightPriceDto("2027-04-28", 6000, "EUR"), new NightPriceDto("2027-04-29", 6000, "EUR")),
                dto.nights());
        assertEquals(List.of(new StatusChangeDto("paid", "t1"), new StatusChangeDto("refunded", "t2")), dto.history());
        assertEquals("q-9", dto.quoteID());
    }

    @Test
    void paymentAndPolicyAreShownInLowerCaseWithMoneyInTheReservationsCurrency() {
        Money refund = Money.newBuilder().setAmountMinor(18000).setCurrency("EUR").build();
        Money fee = Money.newBuilder().setAmountMinor(6000).setCurrency("EUR").build();
        Reservation proto = Reservation.newBuilder().setReservationId("r-5").setHotelId(1).setRoomTypeId(3)
                .setStay(stay()).setRooms(1).setGuestId("g").setStatus(ReservationStatus.REFUNDED)
                .setPayment(ReservationPayment.newBuilder().setState(PaymentState.PAYMENT_STATE_CAPTURED)
                        .setPaymentId("pay_9").setRefund(refund).setFee(fee)
                        .setRefundState(RefundState.REFUND_STATE_REQUESTED)
                        .setRefundRequestedAt("2026-11-20T08:00:00Z").setRefundOverdue(true))
                .setCancellationPolicy(CancellationPolicy.newBuilder().setFreeUntilDays(3)
                        .setFee(CancellationFee.PERCENTAGE).setFeePercent(25).setTerms("t"))
                .build();

        ReservationDto dto = ReservationMapper.toDto(proto);

        assertEquals(new PaymentDto("captured", null, "pay_9", new MoneyDto(18000, "EUR"), new MoneyDto(6000, "EUR"),
                "requested", null, "2026-11-20T08:00:00Z", true), dto.payment());
        assertEquals(new CancellationPolicyDto(3, "percentage", 25, "t"), dto.cancellationPolicy());
    }

    @Test
    void bookingBecomesTheCreateRequest() {
        CreateReservationRequest request = ReservationMapper.toProto(new NewReservation("r-3", 245, 12,
                LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30), 2, "guest-42", null, "tok_visa"));

        assertEquals(CreateReservationRequest.newBuilder().setReservationId("r-3").setHotelId(245).setRoomTypeId(12)
                .setStay(stay()).setRooms(2).setGuestId("guest-42").setPaymentToken("tok_visa").build(), request);
    }

    @Test
    void aCitedQuoteGoesWithTheBooking() {
        CreateReservationRequest request = ReservationMapper.toProto(new NewReservation("r-4", 245, 12,
                LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30), 1, "guest-42", "q_abc", "tok_visa"));

        assertEquals("q_abc", request.getQuoteId());
    }

    @Test
    void moneyWithoutCurrencyIsNull() {
        PreviewCancellationResponse proto = PreviewCancellationResponse.newBuilder()
                .setRefund(Money.newBuilder().setAmountMinor(0).setCurrency(""))
                .setFee(Money.newBuilder().setAmountMinor(500).setCurrency("EUR"))
                .setPolicy("free until 3 days before arrival")
                .build();

        assertEquals(new CancellationDto(null, new MoneyDto(500, "EUR"), "free until 3 days before arrival"),
                ReservationMapper.toDto(proto));
    }

    @Test
    void availabilityAndInventoryRows() {
        GetAvailabilityResponse availability = GetAvailabilityResponse.newBuilder()
                .addRoomTypes(RoomTypeAvailability.newBuilder().setRoomTypeId(12)
                        .addNights(NightAvailability.newBuilder().setDate(date(2027, 4, 28)).setRemaining(7)
                                .setTotalInventory(10).setTotalReserved(4)))
                .build();
        DateSpan span = new DateSpan(LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 29));

        assertEquals(new AvailabilityDto("1", "2027-04-28", "2027-04-29", List.of(
                        new AvailabilityDto.RoomTypeAvailability("12", List.of(new AvailabilityDto.Night("2027-04-28", 7))))),
                ReservationMapper.toDto(1, span, availability));

        InventoryRow row = InventoryRow.newBuilder().setDate(date(2027, 4, 28)).setTotalInventory(10)
                .setTotalReserved(11).setOverbookingRatio(1.1).setSellableLimit(11).setMaintenance(1).setVersion(7)
                .build();
        assertEquals(new InventoryDto.Row("2027-04-28", 10, 11, new BigDecimal("1.10"), 11, 1, 7),
                ReservationMapper.toDto(row));
    }
}
