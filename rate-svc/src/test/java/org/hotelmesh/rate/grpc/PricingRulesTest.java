package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.rate.v1.GetPricingRulesRequest;
import org.hotelmesh.proto.rate.v1.OccupancyThreshold;
import org.hotelmesh.proto.rate.v1.PricingRules;
import org.hotelmesh.proto.rate.v1.SetPricingRulesRequest;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pricing rules: the room type's own, else the hotel's, else the configured defaults; validated field by field. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class PricingRulesTest extends RateTestBase {

    static OccupancyThreshold threshold(double min, double multiplier, long surcharge) {
        return OccupancyThreshold.newBuilder().setMinOccupancy(min).setMultiplier(multiplier)
                .setSurchargeMinor(surcharge).build();
    }

    static PricingRules.Builder rules(long hotelId, long roomTypeId, OccupancyThreshold... thresholds) {
        PricingRules.Builder b = PricingRules.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId);
        for (OccupancyThreshold t : thresholds) {
            b.addThresholds(t);
        }
        return b;
    }

    private PricingRules get(long hotelId, long roomTypeId) {
        return rates.getPricingRules(GetPricingRulesRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                .build()).getRules();
    }

    private PricingRules set(PricingRules.Builder rules) {
        return rates.setPricingRules(SetPricingRulesRequest.newBuilder().setRules(rules).build()).getRules();
    }

    @Test
    void withoutRulesOfItsOwnAHotelHasTheConfiguredDefaults() {
        RoomTypeRef rt = Fixtures.newHotel();

        PricingRules expected = rules(rt.hotelId(), rt.roomTypeId(), threshold(0.7, 1.1, 0), threshold(0.9, 1.25, 0))
                .setSource("default").build();
        assertEquals(expected, get(rt.hotelId(), rt.roomTypeId()));
        assertEquals(expected.toBuilder().setRoomTypeId(0).build(), get(rt.hotelId(), 0));
    }

    @Test
    void rulesResolveRoomTypeBeforeHotelBeforeDefaults() {
        RoomTypeRef rt = Fixtures.newHotel();
        RoomTypeRef sibling = Fixtures.addRoomType(rt);

        PricingRules hotel = set(rules(rt.hotelId(), 0, threshold(0.5, 1.5, 0)).setCeilingMinor(30_000));
        assertEquals(rules(rt.hotelId(), 0, threshold(0.5, 1.5, 0)).setCeilingMinor(30_000).setSource("hotel")
                .build(), hotel);
        assertEquals("hotel", get(rt.hotelId(), rt.roomTypeId()).getSource());
        assertEquals(30_000, get(rt.hotelId(), rt.roomTypeId()).getCeilingMinor());

        PricingRules own = set(rules(rt.hotelId(), rt.roomTypeId(), threshold(0.8, 2, 100)).setFloorMinor(5_000));
        assertEquals(rules(rt.hotelId(), rt.roomTypeId(), threshold(0.8, 2, 100)).setFloorMinor(5_000)
                .setSource("room_type").build(), own);
        assertEquals(own, get(rt.hotelId(), rt.roomTypeId()));
        // The sibling room type still follows the hotel.
        assertEquals(rules(rt.hotelId(), sibling.roomTypeId(), threshold(0.5, 1.5, 0)).setCeilingMinor(30_000)
                .setSource("hotel").build(), get(rt.hotelId(), sibling.roomTypeId()));
    }

    @Test
    void emptyRulesOnARoomTypeRemoveItsOwnSoTheHotelsApplyAgain() {
        RoomTypeRef rt = Fixtures.newHotel();
        set(rules(rt.hotelId(), 0, threshold(0.6, 1.2, 0)));
        set(rules(rt.hotelId(), rt.roomTypeId(), threshold(0.8, 2, 0)));

        PricingRules after = set(rules(rt.hotelId(), rt.roomTypeId()));

        assertEquals(rules(rt.hotelId(), rt.roomTypeId(), threshold(0.6, 1.2, 0)).setSource("hotel").build(), after);
        assertEquals(after, get(rt.hotelId(), rt.roomTypeId()));
    }

    @Test
    void emptyRulesOnTheHotelReplaceTheDefaultsWithNoAdjustment() {
        RoomTypeRef rt = Fixtures.newHotel();

        PricingRules after = set(rules(rt.hotelId(), 0));

        assertEquals(rules(rt.hotelId(), 0).setSource("hotel").build(), after);
        assertEquals(rules(rt.hotelId(), rt.roomTypeId()).setSource("hotel").build(),
                get(rt.hotelId(), rt.roomTypeId()));
    }

    @Test
    void thresholdsAreStoredSortedWithMultiplierZeroMeaningOne() {
        RoomTypeRef rt = Fixtures.newHotel();

        PricingRules stored = set(rules(rt.hotelId(), 0, threshold(0.9, 1.3333, 0), threshold(0, 0, 250),
                threshold(0.45, 1.05, -100)));

        assertEquals(rules(rt.hotelId(), 0, threshold(0, 1, 250), threshold(0.45, 1.05, -100),
                threshold(0.9, 1.3333, 0)).setSource("hotel").build(), stored);
        assertEquals(stored, get(rt.hotelId(), 0));
    }

    @Test
    void settingRulesReplacesThePreviousOnes() {
        RoomTypeRef rt = Fixtures.newHotel();
        set(rules(rt.hotelId(), 0, threshold(0.5, 1.5, 0), threshold(0.7, 2, 0)).setFloorMinor(100));

        PricingRules replaced = set(rules(rt.hotelId(), 0, threshold(0.6, 1.1, 0)));

        assertEquals(rules(rt.hotelId(), 0, threshold(0.6, 1.1, 0)).setSource("hotel").build(), replaced);
    }

    @Test
    void invalidRulesNameEveryBadField() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();

        BadRequest details = assertInvalid(() -> set(rules(rt.hotelId(), 0, threshold(0.5, 1.1, 0),
                        threshold(1.5, 0.05, 0), threshold(0.12345, 1.00001, 100_000_001), threshold(0.5, 11, 0))
                        .setFloorMinor(20_000).setCeilingMinor(10_000)),
                "thresholds[1].minOccupancy", "thresholds[1].multiplier", "thresholds[2].minOccupancy",
                "thresholds[2].multiplier", "thresholds[2].surcharge", "thresholds[3].minOccupancy",
                "thresholds[3].multiplier", "ceiling");

        assertEquals("repeats thresholds[0].minOccupancy", details.getFieldViolations(5).getDescription());
        assertEquals("must not be below the floor (20000)", details.getFieldViolations(7).getDescription());
        assertInvalid(() -> set(rules(rt.hotelId(), 0, threshold(Double.NaN, Double.POSITIVE_INFINITY, 0))
                        .setFloorMinor(-1).setCeilingMinor(100_000_001)),
                "thresholds[0].minOccupancy", "thresholds[0].multiplier", "floor", "ceiling");
        PricingRules.Builder eleven = rules(rt.hotelId(), 0);
        for (int i = 0; i < 11; i++) {
            eleven.addThresholds(threshold(i / 20.0, 1.1, 0));
        }
        assertInvalid(() -> set(eleven), "thresholds");
        assertInvalid(() -> set(rules(0, -1)), "hotelID", "roomTypeID");
        assertInvalid(() -> get(0, 0), "hotelID");
    }

    @Test
    void rulesOfAnUnknownHotelOrRoomTypeAreNotFound() {
        RoomTypeRef rt = Fixtures.newHotel();

        assertStatus(Status.Code.NOT_FOUND, "room type 999999 not found in hotel " + rt.hotelId(),
                () -> set(rules(rt.hotelId(), 999_999, threshold(0.5, 1.5, 0))));
        assertStatus(Status.Code.NOT_FOUND, "hotel 999998 not found", () -> set(rules(999_998, 0)));
        // read: never the defaults for what does not exist, nor another hotel's room type under this hotel
        RoomTypeRef other = Fixtures.newHotel();
        assertStatus(Status.Code.NOT_FOUND, "hotel 999998 not found", () -> get(999_998, 0));
        assertStatus(Status.Code.NOT_FOUND, "room type " + other.roomTypeId() + " not found in hotel "
                + rt.hotelId(), () -> get(rt.hotelId(), other.roomTypeId()));
    }
}
