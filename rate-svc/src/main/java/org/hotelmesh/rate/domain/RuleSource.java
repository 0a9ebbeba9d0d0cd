package org.hotelmesh.rate.domain;

/** Where the rules in force for a room type come from. */
public enum RuleSource {
    /** The room type's own rules. */
    ROOM_TYPE("room_type"),
    /** The hotel's rules (room_type_id 0). */
    HOTEL("hotel"),
    /** The service's configured defaults (hotelmesh.rates.default-*). */
    DEFAULT("default");

    private final String wireName;

    RuleSource(String wireName) {
        this.wireName = wireName;
    }

    /** Where rules stored for this room type id come from: 0 is the hotel's own. */
    public static RuleSource fromRoomTypeId(long roomTypeId) {
        return roomTypeId == 0 ? HOTEL : ROOM_TYPE;
    }

    public String wireName() {
        return wireName;
    }
}
