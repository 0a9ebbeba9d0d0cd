package org.hotelmesh.hotel.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotelmesh.hotel.domain.Address;
import org.hotelmesh.hotel.domain.Contact;
import org.hotelmesh.hotel.domain.Hotel;
import org.hotelmesh.hotel.domain.HotelInput;

@Entity
@Table(name = "hotel")
public class HotelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "address_line1")
    public String addressLine1;
    @Column(name = "address_line2")
    public String addressLine2;
    public String city;
    @Column(name = "postal_code")
    public String postalCode;
    public String country;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "star_rating")
    public short starRating;
    public String description;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_phone")
    public String contactPhone;
    /** Bumped by the service on every write to the hotel or its children (not JPA @Version: writers lock instead). */
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "off_sale")
    public boolean offSale;

    public void apply(HotelInput in) {
        name = in.name();
        addressLine1 = in.address().line1();
        addressLine2 = in.address().line2();
        city = in.address().city();
        postalCode = in.address().postalCode();
        country = in.address().country();
        timeZone = in.timeZone();
        starRating = (short) in.starRating();
        description = in.description();
        contactEmail = in.contact() == null ? null : in.contact().email();
        contactPhone = in.contact() == null ? null : in.contact().phone();
    }

    public Hotel toDomain() {
        Contact contact = contactEmail == null && contactPhone == null ? null : new Contact(contactEmail, contactPhone);
        HotelInput details = new HotelInput(name,
                new Address(addressLine1, addressLine2, city, postalCode, country), timeZone, starRating,
                description, contact);
        return new Hotel(id, details, version, createdAt, updatedAt, offSale);
    }
}
