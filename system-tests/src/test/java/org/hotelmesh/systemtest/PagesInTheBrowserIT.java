package org.hotelmesh.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages in a real browser (Debian's headless chromium, driven by Playwright) against the services as processes:
 * an administrator adds a hotel, its staff give it a room type, rooms and prices; a guest finds it, picks dates,
 * reviews the quote, books and pays with a test card (the button cannot submit twice), sees the booking and cancels it
 * with the refund shown first; the guest changes the dates of another booking; the front desk books a walk-in guest,
 * checks them in and sees them off early. Screenshots of the main pages go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInTheBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final java.time.ZoneId LISBON = java.time.ZoneId.of("Europe/Lisbon");

    private static Mesh mesh;
    private static Playwright playwright;
    private static Browser browser;
    private static String base;
    private static long hotelId;

    @BeforeAll
    static void startTheMeshAndABrowser() throws Exception {
        ensureChromium();
        mesh = Mesh.start("systest_web", 10);
        base = "http://127.0.0.1:" + mesh.edge().port();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // the flags keep chromium from reaching for Google's services, which this network refuses
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorAddsAHotelAndItsStaffGiveItRoomsAndPrices() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, mesh.admin());
            page.navigate(base + "/#/staff");
            page.getByText("+ Add a hotel").click();
            page.locator("input[name=name]").fill("Casa Azul");
            page.locator("input[name=starRating]").fill("4");
            page.locator("input[name=timeZone]").fill("Europe/Lisbon");
            page.locator("input[name=line1]").fill("Rua Augusta 10");
            page.locator("input[name=city]").fill("Lisboa");
            page.locator("input[name=country]").fill("PT");
            page.locator("textarea[name=description]").fill("Blue tiles, river view.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create hotel")).click();
            page.waitForURL(Pattern.compile(".*#/staff/hotels/\\d+$"));
            Matcher id = Pattern.compile("hotels/(\\d+)").matcher(page.url());
            assertTrue(id.find(), page.url());
            hotelId = Long.parseLong(id.group(1));

            // from here on, as the hotel's own staff
            signIn(page, mesh.staff(hotelId));
            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=room%20types");
            page.locator("input[name=name]").last().fill("River Double");
            page.locator("input[name=bedConfiguration]").last().fill("1 queen");
            page.locator("input[name=amenities]").last().fill("wifi, balcony");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add room type")).click();
            assertThat(page.locator("#notice")).containsText("River Double added");

            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=rooms");
            page.locator("input[name=number]").fill("101");
            page.locator("input[name=count]").fill("4");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rooms")).click();
            assertThat(page.locator("h2")).containsText("4 rooms");

            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=prices");
            page.locator("input[name=amount]").fill("95.00");
            page.locator("input[name=currency]").fill("EUR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set base price")).click();
            assertThat(page.locator("#notice")).containsText("nights priced");
            shot(page, "staff-prices");

            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=occupancy");
            assertThat(page.locator(".chart")).hasCount(1);
            shot(page, "staff-occupancy");
        }
    }

    @Test
    @Order(2)
    void aGuestFindsTheHotelBooksPaysAndCancelsWithTheRefundShownFirst() throws Exception {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, mesh.guest("guest-ines"));
            page.navigate(base + "/#/hotels");
            page.getByText("Casa Azul").click();
            assertThat(page.locator("h1")).containsText("Casa Azul");
            assertThat(page.locator("body")).containsText("free cancellation until 2 days before arrival");
            shot(page, "hotel");

            LocalDate start = LocalDate.now().plusDays(20);
            page.getByText("Dates and prices").click();
            page.locator("input[name=startDate]").fill(start.toString());
            page.locator("input[name=endDate]").fill(start.plusDays(2).toString());
            Locator review = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review booking"));
            // the rooms reach reservation-svc's inventory through hotel-svc's outbox: ask again until they are on sale
            for (int i = 0; i < 60 && !(review.count() == 1 && review.isEnabled()); i++) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show prices")).click();
                page.waitForTimeout(500);
            }
            assertThat(review).isEnabled();
            assertThat(page.locator(".total")).containsText("190");
            shot(page, "room-type");

            // first with a card the processor refuses: the booking is rejected, and the guest tries again
            review.click();
            page.waitForURL(Pattern.compile(".*#/review$"));
            page.locator("select[name=paymentToken]").selectOption("tok_chargeDeclinedInsufficientFunds");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Book and pay")))
                    .click();
            assertThat(page.locator("#outcome")).containsText("The card was refused (insufficient_funds)");
            shot(page, "declined");
            page.getByText("Try again with another card").click();
            assertThat(page.locator("input[name=startDate]")).hasValue(start.toString());
            assertThat(review).isEnabled();
            review.click();
            page.waitForURL(Pattern.compile(".*#/review$"));
            assertThat(page.locator("h1")).hasText("Review your booking");
            assertThat(page.locator("body")).containsText("Cancellation: free cancellation");
            page.locator("select[name=paymentToken]").selectOption("tok_visa");
            shot(page, "review");
            Locator book = page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName(Pattern.compile("^Book and pay")));
            assertThat(book).isEnabled();
            // two clicks in the same instant, as an impatient guest would: the button is disabled by the first
            book.evaluate("button => { button.click(); button.click(); }");
            assertThat(page.locator("#outcome")).containsText("Booked and paid");
            shot(page, "booked");

            JsonNode mine = JSON.readTree(mesh.send("GET", "/v1/reservations?when=all", mesh.guest("guest-ines"), null)
                    .body());
            List<String> statuses = new ArrayList<>();
            mine.get("items").forEach(r -> statuses.add(r.get("status").asText()));
            Collections.sort(statuses);
            // the refused one, and one paid however often the button was clicked
            assertEquals(List.of("paid", "rejected"), statuses);

            page.navigate(base + "/#/me");
            assertThat(page.locator("table")).containsText("paid");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click(); // only the paid one
            Locator dialog = page.locator("dialog#confirm-cancel");
            assertThat(dialog).containsText("You get back €190.00");
            shot(page, "cancel-confirm");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel the reservation")).click();
            assertThat(page.locator("#notice")).containsText("is refunded");
            assertThat(page.locator("table")).containsText("refunded");
            shot(page, "my-reservations");
        }
    }

    @Test
    @Order(3)
    void errorsFromTheApiAreShownAndThePagesFitAPhone() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            signIn(page, mesh.staff(hotelId));
            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=prices");
            page.locator("input[name=startDate]").fill(LocalDate.now().plusDays(10).toString());
            page.locator("input[name=endDate]").fill(LocalDate.now().plusDays(5).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set base price")).click();
            // the API's problem details, field by field
            assertThat(page.locator("#notice")).containsText("endDate");
            assertThat(page.locator("#notice")).hasClass("error");
            shot(page, "phone-error");

            page.navigate(base + "/#/hotels/" + hotelId);
            assertThat(page.locator("h1")).containsText("Casa Azul");
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(false, overflow, "no sideways scrolling on a phone");
            shot(page, "phone-hotel");
        }
    }

    @Test
    @Order(4)
    void aGuestChangesTheirDatesSeeingWhatItCostsFirst() throws Exception {
        String guest = mesh.guest("guest-ines");
        LocalDate start = LocalDate.now(LISBON).plusDays(30);
        String id = "change-" + System.nanoTime();
        Mesh.created(mesh.send("POST", "/v1/reservations", guest, "{\"reservationID\":\"" + id + "\",\"hotelID\":\""
                + hotelId + "\",\"roomTypeID\":\"" + roomTypeId() + "\",\"startDate\":\"" + start
                + "\",\"endDate\":\"" + start.plusDays(2) + "\",\"rooms\":1,\"paymentToken\":\"tok_visa\"}"));

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, guest);
            page.navigate(base + "/#/me");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change dates")).first().click();
            page.getByLabel("New arrival").fill(start.plusDays(1).toString());
            page.getByLabel("New departure").fill(start.plusDays(4).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change")).click();
            Locator preview = page.locator("#change-preview");
            assertThat(preview).containsText("95"); // one night more, at the base price
            shot(page, "change-preview");
            page.getByLabel("Card for the difference (test tokens)").selectOption("tok_visa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm change")).click();
            assertThat(page.locator("#notice")).containsText("Dates changed to " + start.plusDays(1) + " → "
                    + start.plusDays(4));
            shot(page, "changed");
        }
        JsonNode changed = JSON.readTree(Mesh.ok(mesh.send("GET", "/v1/reservations/" + id, guest, null)).body());
        assertEquals(start.plusDays(1).toString(), changed.get("startDate").asText());
        assertEquals(start.plusDays(4).toString(), changed.get("endDate").asText());
        assertEquals("applied", changed.get("changes").get(0).get("state").asText());
        assertEquals(28500, changed.get("total").get("amount").asLong());
    }

    @Test
    @Order(5)
    void theFrontDeskBooksAWalkInChecksThemInAndSeesThemOffEarly() throws Exception {
        LocalDate today = LocalDate.now(LISBON);
        String staff = mesh.staff(hotelId);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, staff);
            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=book%20for%20a%20guest");
            page.getByLabel("Guest name").fill("Walk-in Kim");
            page.getByLabel("Arrival").fill(today.toString());
            page.getByLabel("Departure").fill(today.plusDays(2).toString());
            page.getByLabel("Rooms").selectOption("1");
            page.getByLabel("Card (test tokens of the simulated processor)").selectOption("tok_visa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book for the guest")).click();
            assertThat(page.locator("#booking-outcome")).containsText("Walk-in Kim");
            shot(page, "staff-booked-for-guest");

            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=front%20desk");
            Locator arrivals = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Arrivals"));
            assertThat(arrivals).containsText("Walk-in Kim");
            arrivals.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Check in Walk-in Kim"))).click();
            page.locator("dialog#check-in").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Check in now")).click();
            Locator inHouse = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("In house"));
            assertThat(inHouse).containsText("Walk-in Kim");
            assertThat(inHouse).containsText("101");
            shot(page, "front-desk");

            // the guest leaves after the first night's check-in day: the second night goes back and is refunded
            inHouse.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Check out Walk-in Kim"))).click();
            page.locator("dialog#check-out").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Check out now")).click();
            assertThat(page.locator("#notice")).containsText("95");
            shot(page, "checked-out");
        }
        JsonNode day = JSON.readTree(Mesh.ok(mesh.send("GET", "/v1/hotels/" + hotelId + "/reservations?when=all",
                staff, null)).body());
        JsonNode walkIn = null;
        for (JsonNode r : day.get("items")) {
            if ("Walk-in Kim".equals(r.path("guestName").asText())) {
                walkIn = r;
            }
        }
        assertTrue(walkIn != null, day.toString());
        assertEquals("checked_out", walkIn.get("status").asText());
        assertEquals("staff-" + hotelId, walkIn.get("bookedBy").asText());
        assertEquals("101", walkIn.get("roomAssignments").get(0).get("roomNumber").asText());
        assertEquals(today.plusDays(1).toString(), walkIn.get("releasedFrom").asText());
    }

    private static long roomTypeId() throws Exception {
        JsonNode types = JSON.readTree(Mesh.ok(mesh.send("GET", "/v1/hotels/" + hotelId + "/room-types", null, null))
                .body());
        return types.get("items").get(0).get("id").asLong();
    }

    /**
     * Signs in with a sign-in link, as ./mesh up prints one: the page shows whose token it carries and stores nothing
     * until asked to (anyone can send such a link).
     */
    private static void signIn(Page page, String token) {
        Object before = page.url().startsWith(base) ? page.evaluate("localStorage.getItem('hotelmesh.token')") : null;
        page.navigate(base + "/#/signin?token=" + token);
        page.getByText("Sign in with this link?").waitFor();
        assertEquals(before, page.evaluate("localStorage.getItem('hotelmesh.token')"), "nothing stored before asked");
        assertFalse(page.url().contains(token), "the token leaves the address at once");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sign in as "))).click();
        page.waitForURL(Pattern.compile(".*#/hotels$"));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Debian's chromium, installed from the package registry when missing (the tests need nothing by hand). */
    private static void ensureChromium() throws Exception {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        for (List<String> command : List.of(
                List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"),
                List.of("apt-get", "update"),
                List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"))) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0 && Files.isExecutable(CHROMIUM)) {
                return;
            }
            if (command.get(1).equals("update") && p.exitValue() != 0) {
                fail("cannot install chromium (apt-get update failed; run as root or install Debian's chromium): "
                        + out);
            }
        }
        fail("Debian's chromium is needed at " + CHROMIUM + " and could not be installed with apt-get");
    }
}
