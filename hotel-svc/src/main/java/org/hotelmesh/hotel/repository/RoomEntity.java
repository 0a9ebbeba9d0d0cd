package org.hotelmesh.hotel.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotelmesh.hotel.domain.Room;
import org.hotelmesh.hotel.domain.RoomInput;

@Entity
@Table(name = "room")
public class RoomEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hotel_id")
    public long hotelId;
    @Column(name = "room_type_id")
    public long roomTypeId;
    public String number;
    public short floor;
    @Column(name = "in_service")
    public boolean inService;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public void apply(RoomInput in) {
        number = in.number();
        floor = (short) in.floor();
        roomTypeId = in.roomTypeId();
        inService = in.inService();
    }

    public Room toDomain() {
        return new Room(id, hotelId, new RoomInput(number, floor, roomTypeId, inService));
    }
}
