package org.hotelmesh.payment.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.hotelmesh.devtools.Stores;
import org.hotelmesh.devtools.Stores.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V3 (several charges and refunds per reservation) on a database V1 and V2 filled: every payment becomes the booking's
 * charge, every refund the refund that ends its reservation with one part that keeps the refund's id (the processor's
 * idempotency key) and state; and the new rules hold.
 */
class MigrationTest {

    private static final String DATABASE = "payment_migration_test";
    private static final String USER = System.getenv().getOrDefault("HOTELMESH_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("HOTELMESH_DB_PASSWORD", "");
    private static final Endpoint PG = new Endpoint(System.getenv().getOrDefault("HOTELMESH_DB_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("HOTELMESH_DB_PORT", "5432")));
    private static final String URL = "jdbc:postgresql://" + PG.host() + ":" + PG.port() + "/" + DATABASE;

    @BeforeAll
    static void migrateFilledDatabase() throws SQLException {
        Stores.recreateDatabase(PG, USER, PASSWORD, DATABASE);
        flyway("2").migrate();
        execute("""
                INSERT INTO payment (payment_id, reservation_id, amount_minor, currency, payment_token,
                token_fingerprint, status, decline_code, gateway_reference, refunded_minor) VALUES
                ('pay_a', 'r-refunded', 36000, 'EUR', NULL, 'f', 'partially_refunded', NULL, 'ch_a', 10000),
                ('pay_b', 'r-refunding', 20000, 'USD', NULL, 'f', 'captured', NULL, 'ch_b', 0),
                ('pay_c', 'r-captured', 5000, 'EUR', NULL, 'f', 'captured', NULL, 'ch_c', 0),
                ('pay_d', 'r-declined', 5000, 'EUR', NULL, 'f', 'declined', 'card_declined', NULL, 0),
                ('pay_e', 'r-processing', 5000, 'EUR', 'tok_visa', 'f', 'processing', NULL, NULL, 0)
                """);
        execute("""
                INSERT INTO refund (refund_id, reservation_id, amount_minor, reason, status, gateway_reference,
                created_at) VALUES
                ('re_a', 'r-refunded', 10000, 'canceled', 'succeeded', 're_x', '2025-01-02T03:04:05Z'),
                ('re_b', 'r-refunding', 20000, 'requested', 'processing', NULL, '2025-01-03T03:04:05Z')
                """);
        flyway(null).migrate();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(URL, USER, PASSWORD).locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private static Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(URL, credentials);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void assertRefused(String sql, String because) {
        String message = assertThrows(SQLException.class, () -> execute(sql)).getMessage();
        assertTrue(message.contains(because), message);
    }

    @Test
    void everyPaymentBecomesTheBookingsCharge() throws SQLException {
        assertEquals(List.of("pay_a||null", "pay_b||null", "pay_c||null", "pay_d||null", "pay_e||tok_visa"),
                rows("SELECT payment_id, charge_id, payment_token FROM payment WHERE payment_id ~ '^pay_[a-e]$'"
                        + " ORDER BY payment_id"));
    }

    @Test
    void everyRefundBecomesTheEndingRefundWithOnePartKeepingItsIdAndState() throws SQLException {
        assertEquals(List.of("r-refunded||10000|EUR|canceled|2025-01-02 03:04:05",
                        "r-refunding||20000|USD|requested|2025-01-03 03:04:05"),
                rows("SELECT reservation_id, refund_id, amount_minor, currency, reason, created_at AT TIME ZONE 'UTC'"
                        + " FROM refund WHERE refund_id = '' ORDER BY reservation_id"));
        assertEquals(List.of("re_a|r-refunded||pay_a|10000|succeeded|re_x",
                        "re_b|r-refunding||pay_b|20000|processing|null"),
                rows("SELECT part_id, reservation_id, refund_id, payment_id, amount_minor, status, gateway_reference"
                        + " FROM refund_part WHERE part_id IN ('re_a', 're_b') ORDER BY part_id"));
    }

    @Test
    void aReservationTakesFurtherChargesButEachChargeIdOnce() throws SQLException {
        execute("INSERT INTO payment (payment_id, reservation_id, charge_id, amount_minor, currency,"
                + " token_fingerprint, status, gateway_reference) VALUES"
                + " ('pay_c2', 'r-captured', 'change-1', 700, 'EUR', 'f', 'captured', 'ch_c2')");

        assertRefused("INSERT INTO payment (payment_id, reservation_id,"
                + " charge_id, amount_minor, currency, token_fingerprint, status) VALUES"
                + " ('pay_c3', 'r-captured', 'change-1', 700, 'EUR', 'f', 'captured')",
                "payment_reservation_charge_key");
        assertRefused("INSERT INTO payment (payment_id, reservation_id,"
                + " amount_minor, currency, token_fingerprint, status) VALUES"
                + " ('pay_c4', 'r-captured', 700, 'EUR', 'f', 'captured')",
                "payment_reservation_charge_key");
        assertRefused("INSERT INTO payment (payment_id, reservation_id,"
                + " charge_id, amount_minor, currency, token_fingerprint, status) VALUES"
                + " ('pay_c5', 'r-captured', 'change 2', 700, 'EUR', 'f', 'captured')",
                "payment_charge_id_format");
    }

    @Test
    void theDatabaseRefusesPartsBeyondTheirChargeOrOfChargesNotCaptured() throws SQLException {
        execute("INSERT INTO refund (reservation_id, refund_id, amount_minor, currency, reason) VALUES"
                + " ('r-refunded', 'change-1', 26000, 'EUR', 'x'), ('r-declined', 'change-1', 1, 'EUR', 'x')");

        // pay_a: 36,000 captured, 10,000 taken by the migrated refund
        assertRefused("INSERT INTO refund_part (part_id, reservation_id,"
                + " refund_id, payment_id, amount_minor, status) VALUES"
                + " ('re_over', 'r-refunded', 'change-1', 'pay_a', 26001, 'processing')",
                "would take 26001 from payment pay_a of 36000, of which 10000 is refunded");
        assertRefused("INSERT INTO refund_part (part_id, reservation_id,"
                + " refund_id, payment_id, amount_minor, status) VALUES"
                + " ('re_declined', 'r-declined', 'change-1', 'pay_d', 1, 'processing')",
                "which is declined, not captured");
        execute("INSERT INTO refund_part (part_id, reservation_id, refund_id, payment_id, amount_minor, status)"
                + " VALUES ('re_rest', 'r-refunded', 'change-1', 'pay_a', 26000, 'processing')");
    }
}
