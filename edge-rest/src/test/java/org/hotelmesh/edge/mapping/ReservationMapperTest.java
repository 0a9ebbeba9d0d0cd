package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.CheckOutDto;
import org.hotelmesh.edge.api.FreeRoomsDto;
import org.hotelmesh.edge.api.FrontDeskDto;
import org.hotelmesh.edge.api.NewStayChange;
import org.hotelmesh.edge.api.RoomAssignmentDto;
import org.hotelmesh.edge.api.StayChangeDto;
import org.hotelmesh.edge.api.StayChangePreviewDto;
import org.hotelmesh.edge.api.StayChangeResultDto;
import org.hotelmesh.edge.api.StayTermsDto;
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
import org.hotelmesh.proto.reservation.v1.ChangeState;
import org.hotelmesh.proto.reservation.v1.ChangeStayRequest;
import org.hotelmesh.proto.reservation.v1.ChangeStayResponse;
import org.hotelmesh.proto.reservation.v1.CheckOutResponse;
import org.hotelmesh.proto.reservation.v1.FreeRoom;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskResponse;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsResponse;
import org.hotelmesh.proto.reservation.v1.PreviewStayChangeResponse;
import org.hotelmesh.proto.reservation.v1.RoomAssignment;
import org.hotelmesh.proto.reservation.v1.StayChange;
import org.hotelmesh.proto.reservation.v1.StayTerms;
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
                List.of(), List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z", null)), "2026-11-22T10:00:00Z",
                null, null, null, List.of(), null, null, List.of(), null), ReservationMapper.toDto(proto));
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
        assertEquals(List.of(new StatusChangeDto("paid", "t1", null), new StatusChangeDto("refunded", "t2", null)),
                dto.history());
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

    private static Money eur(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency("EUR").build();
    }

    private static DateRange range(Date start, Date end) {
        return DateRange.newBuilder().setStartDate(start).setEndDate(end).build();
    }

    private static Reservation.Builder checkedIn() {
        return Reservation.newBuilder().setReservationId("r-7").setHotelId(245).setRoomTypeId(12).setStay(stay())
                .setRooms(1).setGuestId("guest-42").setStatus(ReservationStatus.CHECKED_IN).setTotal(eur(24000))
                .addHistory(StatusChange.newBuilder().setStatus(ReservationStatus.PAID).setAt("t1")
                        .setBy("system:payment-saga"))
                .addHistory(StatusChange.newBuilder().setStatus(ReservationStatus.CHECKED_IN).setAt("t2")
                        .setBy("staff-245"))
                .addRoomAssignments(RoomAssignment.newBuilder().setRoomId(31).setRoomNumber("1205")
                        .setNights(range(date(2027, 4, 28), date(2027, 4, 29))))
                .addRoomAssignments(RoomAssignment.newBuilder().setRoomId(33).setRoomNumber("1301")
                        .setNights(range(date(2027, 4, 29), date(2027, 4, 30))).setOutOfService(true))
                .setBookedBy("guest-42");
    }

    @Test
    void frontDeskStatusesRoomsAndWhoMadeEachStep() {
        ReservationDto dto = ReservationMapper.toDto(checkedIn().build());

        assertEquals("checked_in", dto.status());
        assertEquals(List.of(new StatusChangeDto("paid", "t1", "system:payment-saga"),
                new StatusChangeDto("checked_in", "t2", "staff-245")), dto.history());
        assertEquals(List.of(new RoomAssignmentDto("31", "1205", "2027-04-28", "2027-04-29", false),
                new RoomAssignmentDto("33", "1301", "2027-04-29", "2027-04-30", true)), dto.roomAssignments());
        assertEquals("guest-42", dto.bookedBy());
        assertEquals(null, dto.guestName());
        assertEquals(null, dto.releasedFrom());
        assertEquals("checked_out", ReservationMapper.toDto(checkedIn().setStatus(ReservationStatus.CHECKED_OUT)
                .setReleasedFrom(date(2027, 4, 29)).build()).status());
        assertEquals("2027-04-29", ReservationMapper.toDto(checkedIn().setStatus(ReservationStatus.CHECKED_OUT)
                .setReleasedFrom(date(2027, 4, 29)).build()).releasedFrom());
        assertEquals("no_show", ReservationMapper.toDto(checkedIn().setStatus(ReservationStatus.NO_SHOW).build())
                .status());
    }

    @Test
    void staffBookingShowsWhoBookedAndUnderWhichName() {
        ReservationDto dto = ReservationMapper.toDto(checkedIn().setStatus(ReservationStatus.PAID).clearGuestId()
                .setBookedBy("staff-245").setGuestName("Ada Lovelace").build());

        assertEquals(null, dto.guestID());
        assertEquals("staff-245", dto.bookedBy());
        assertEquals("Ada Lovelace", dto.guestName());
    }

    @Test
    void changesCarryTheirTermsDifferenceAndState() {
        StayTerms before = StayTerms.newBuilder().setRoomTypeId(12).setStay(stay()).setRooms(1).setTotal(eur(24000))
                .build();
        StayTerms after = StayTerms.newBuilder().setRoomTypeId(12)
                .setStay(range(date(2027, 4, 28), date(2027, 4, 29))).setRooms(1).setTotal(eur(12000)).build();
        StayChange shorter = StayChange.newBuilder().setChangeId("chg-1").setBy("guest-42").setAt("t3")
                .setBefore(before).setAfter(after).setDifference(eur(-12000)).setState(ChangeState.CHANGE_APPLIED)
                .setRefundState(RefundState.REFUND_STATE_REQUESTED).build();
        StayChange declined = shorter.toBuilder().setChangeId("chg-2").setDifference(eur(6000))
                .setState(ChangeState.CHANGE_DECLINED).setDeclineCode("card_declined")
                .clearRefundState().build();
        StayChange soldOut = shorter.toBuilder().setChangeId("chg-3").setState(ChangeState.CHANGE_SOLD_OUT).build();
        StayChange charging = shorter.toBuilder().setChangeId("chg-4").setState(ChangeState.CHANGE_CHARGING).build();

        List<StayChangeDto> changes = ReservationMapper.toDto(checkedIn().addChanges(shorter).addChanges(declined)
                .addChanges(soldOut).addChanges(charging).build()).changes();

        StayTermsDto beforeDto = new StayTermsDto("12", "2027-04-28", "2027-04-30", 1, new MoneyDto(24000, "EUR"));
        StayTermsDto afterDto = new StayTermsDto("12", "2027-04-28", "2027-04-29", 1, new MoneyDto(12000, "EUR"));
        assertEquals(new StayChangeDto("chg-1", "guest-42", "t3", beforeDto, afterDto, new MoneyDto(-12000, "EUR"),
                "applied", null, "requested"), changes.get(0));
        assertEquals(new StayChangeDto("chg-2", "guest-42", "t3", beforeDto, afterDto, new MoneyDto(6000, "EUR"),
                "declined", "card_declined", null), changes.get(1));
        assertEquals("sold_out", changes.get(2).state());
        assertEquals("charging", changes.get(3).state());

        ChangeStayResponse response = ChangeStayResponse.newBuilder().setReservation(checkedIn()).setChange(shorter)
                .build();
        StayChangeResultDto result = ReservationMapper.toDto(response);
        assertEquals("r-7", result.reservation().reservationID());
        assertEquals(changes.get(0), result.change());

        assertEquals(new StayChangePreviewDto(beforeDto, afterDto, new MoneyDto(-12000, "EUR")),
                ReservationMapper.toDto(PreviewStayChangeResponse.newBuilder().setBefore(before).setAfter(after)
                        .setDifference(eur(-12000)).build()));
    }

    @Test
    void aChangeSendsOnlyWhatChanges() {
        DateSpan later = new DateSpan(LocalDate.of(2027, 4, 29), LocalDate.of(2027, 5, 1));

        assertEquals(ChangeStayRequest.newBuilder().setReservationId("r-7").setChangeId("chg-1")
                        .setStay(range(date(2027, 4, 29), date(2027, 5, 1))).setPaymentToken("tok_visa").build(),
                ReservationMapper.toProto(new NewStayChange("r-7", "chg-1", 0, later, 0, "tok_visa", null)));
        assertEquals(ChangeStayRequest.newBuilder().setReservationId("r-7").setRoomTypeId(13).setRooms(2)
                        .setQuoteId("q_1").build(),
                ReservationMapper.toProto(new NewStayChange("r-7", null, 13, null, 2, null, "q_1")));
    }

    @Test
    void frontDeskListsFreeRoomsAndCheckOut() {
        GetFrontDeskResponse desk = GetFrontDeskResponse.newBuilder().setDate(date(2027, 4, 28))
                .addArrivals(checkedIn().setStatus(ReservationStatus.PAID).clearRoomAssignments())
                .addInHouse(checkedIn()).addDepartures(checkedIn()).addCheckedInToday(checkedIn())
                .build();

        FrontDeskDto dto = ReservationMapper.toDto(desk);

        assertEquals("2027-04-28", dto.date());
        assertEquals("paid", dto.arrivals().get(0).status());
        assertEquals(List.of("r-7"), dto.inHouse().stream().map(ReservationDto::reservationID).toList());
        assertEquals(1, dto.departures().size());
        assertEquals(1, dto.checkedInToday().size());

        assertEquals(new FreeRoomsDto(List.of(new FreeRoomsDto.FreeRoom("31", "1205", 12))),
                ReservationMapper.toDto(ListFreeRoomsResponse.newBuilder()
                        .addRooms(FreeRoom.newBuilder().setRoomId(31).setNumber("1205").setFloor(12)).build()));

        CheckOutDto early = ReservationMapper.toDto(CheckOutResponse.newBuilder()
                .setReservation(checkedIn().setStatus(ReservationStatus.CHECKED_OUT)).setRefund(eur(12000)).build());
        assertEquals("checked_out", early.reservation().status());
        assertEquals(new MoneyDto(12000, "EUR"), early.refund());
        assertEquals(null, ReservationMapper.toDto(CheckOutResponse.newBuilder().setReservation(checkedIn())
                .build()).refund());
    }

    @Test
    void staffBookingForAGuestSendsTheNameAndTheAccountWhenGiven() {
        CreateReservationRequest request = ReservationMapper.toProto(new NewReservation("r-8", 245, 12,
                LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30), 1, null, null, "tok_visa", "Ada Lovelace"));

        assertEquals("", request.getGuestId());
        assertEquals("Ada Lovelace", request.getGuestName());
    }
}
