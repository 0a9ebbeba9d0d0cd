package org.hotelmesh.hotel.repository;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotelmesh.hotel.domain.RoomType;
import org.hotelmesh.hotel.domain.RoomTypeInput;

@Entity
@Table(name = "room_type")
public class RoomTypeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hotel_id")
    public long hotelId;
    public String name;
    public String description;
    @Column(name = "max_occupancy")
    public short maxOccupancy;
    @Column(name = "bed_configuration")
    public String bedConfiguration;
    @Column(name = "amenities", columnDefinition = "text[]")
    public String[] amenities;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public void apply(RoomTypeInput in) {
        name = in.name();
        description = in.description();
        maxOccupancy = (short) in.maxOccupancy();
        bedConfiguration = in.bedConfiguration();
        amenities = in.amenities().toArray(String[]::new);
    }

    public RoomType toDomain(RoomCounts counts) {
        RoomTypeInput details = new RoomTypeInput(name, description, maxOccupancy, bedConfiguration,
                amenities == null ? List.of() : List.of(amenities));
        return new RoomType(id, hotelId, details, counts.total(), counts.inService());
    }
}
