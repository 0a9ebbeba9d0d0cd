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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * checks them in and sees them off early. Then guests find a room in Seoul: search, compare, sort and book from the
 * results, in English and in Korean, with the keyboard alone and on a phone. The browser speaks en-US, so the pages
 * start in English. Screenshots of the main pages go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInTheBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final java.time.ZoneId LISBON = java.time.ZoneId.of("Europe/Lisbon");
    private static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");

    private static Mesh mesh;
    private static Playwright playwright;
    private static Browser browser;
    private static String base;
    private static long hotelId;
    /** The hotels {@link #seoul()} adds, by name. */
    private static Map<String, Long> seoulHotels;

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
        try (BrowserContext context = english()) {
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
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            signIn(page, mesh.guest("guest-ines"));
            page.navigate(base + "/#/hotels");
            page.getByText("Casa Azul").click();
            assertThat(page.locator("h1")).containsText("Casa Azul");
            assertThat(page.locator("body")).containsText("free cancellation until 2 days before arrival");
            shot(page, "hotel");

            LocalDate start = LocalDate.now().plusDays(20);
            page.getByText("Dates and prices").click();
            // the hotel's page has dates of its own: fill the room type's once it is shown
            assertThat(page.locator("h1")).hasText("River Double");
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
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(390, 844))) {
            Page page = context.newPage();
            signIn(page, mesh.staff(hotelId));
            page.navigate(base + "/#/staff/hotels/" + hotelId + "?tab=prices");
            // the search the sign-in ended on has dates too: fill the prices' once they are shown
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set base price")).waitFor();
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

        try (BrowserContext context = english()) {
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
            // the notice says the new dates in words; the reservation below says them exactly
            assertThat(page.locator("#notice")).containsText("Dates changed to");
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
        try (BrowserContext context = english()) {
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

            // the same front desk in Korean: the staff pages speak both languages
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("한국어")).click();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("도착 예정"))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("날짜 보기"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "ko");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Arrivals"))).isVisible();
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

    @Test
    @Order(6)
    void aGuestSearchesSeoulComparesSortsAndBooksFromTheResults() throws Exception {
        Map<String, Long> hotels = seoul();
        LocalDate start = LocalDate.now(SEOUL).plusDays(40);
        String guest = mesh.guest("guest-minji");
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            signIn(page, guest);
            assertThat(page.locator("h1")).hasText("Find a room");
            // the place is suggested from the catalog's cities as it is typed
            Locator place = page.getByLabel("Destination");
            place.pressSequentially("Seo");
            assertThat(page.locator("#places option[value='Seoul, KR']")).hasCount(1);
            place.fill("Seoul, KR");
            page.getByLabel("Arrival").fill(start.toString());
            page.getByLabel("Departure").fill(start.plusDays(2).toString());
            page.getByLabel("Rooms").selectOption("1");
            page.getByLabel("Guests").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

            // the results live in the address, cheapest first: each hotel's total for the stay and its rooms left
            page.waitForURL(Pattern.compile(".*#/search\\?city=Seoul&country=KR&startDate=" + start + "&endDate="
                    + start.plusDays(2) + "&rooms=1&guests=2&sort=price$"));
            assertThat(page.locator("#results-heading")).hasText("2 hotels in Seoul, South Korea");
            Locator names = page.locator("#results li.hit h3");
            assertThat(names).hasText(new String[] {"Hangang Stay", "Namsan Grand"});
            Locator hangang = page.locator("#results li.hit").filter(new Locator.FilterOptions().setHasText("Hangang"));
            assertThat(hangang).containsText("From ₩240,000 for the stay");
            Locator twin = hangang.locator("li.offer").filter(new Locator.FilterOptions().setHasText("Standard Twin"));
            assertThat(twin).containsText("6 rooms left");
            assertThat(twin).containsText("₩240,000");
            Locator family = hangang.locator("li.offer").filter(new Locator.FilterOptions().setHasText("Family Room"));
            assertThat(family).containsText("Only 2 left");
            assertThat(family).containsText("₩400,000");
            // cheapest first, and no Single: it sleeps one, not two
            assertThat(hangang.locator("li.offer strong")).hasText(new String[] {"Standard Twin", "Family Room"});
            assertThat(page.locator("#results")).not().containsText("Haeundae"); // Busan
            shot(page, "search-results");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Highest rating")).click();
            assertThat(names).hasText(new String[] {"Namsan Grand", "Hangang Stay"});

            // the hotel's page for the same stay: every room type, with its price, rooms left or why not
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hangang Stay")).click();
            assertThat(page.locator("h1")).containsText("Hangang Stay");
            Locator rooms = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(Pattern.compile("^Rooms for ")));
            assertThat(rooms.getByRole(AriaRole.LISTITEM)).hasCount(3);
            assertThat(roomType(rooms, "Single")).containsText("Does not fit 2 guests");
            assertThat(roomType(rooms, "Standard Twin")).containsText("6 rooms left");
            assertThat(roomType(rooms, "Standard Twin")).containsText("₩240,000");
            shot(page, "hotel-with-dates");

            // Back returns to the results as they were sorted, and the guest books from there
            page.goBack();
            assertThat(names).hasText(new String[] {"Namsan Grand", "Hangang Stay"});
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book Standard Twin at Hangang Stay"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/review$"));
            assertThat(page.locator("body")).containsText("Total ₩240,000");
            page.locator("select[name=paymentToken]").selectOption("tok_visa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book and pay ₩240,000")).click();
            assertThat(page.locator("#outcome")).containsText("Booked and paid");
            shot(page, "booked-from-search");

            // the room taken shows in the results (once the availability the search reads has caught up)
            page.navigate(base + "/#/search?city=Seoul&startDate=" + start + "&endDate=" + start.plusDays(2)
                    + "&rooms=1&guests=2");
            for (int i = 0; i < 20 && !twin.textContent().contains("5 rooms left"); i++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(twin).containsText("5 rooms left");
        }
        JsonNode booked = onlyReservation(guest);
        assertEquals("paid", booked.get("status").asText());
        assertEquals(String.valueOf(hotels.get("Hangang Stay")), booked.get("hotelID").asText());
        assertEquals(start.toString(), booked.get("startDate").asText());
        assertEquals(start.plusDays(2).toString(), booked.get("endDate").asText());
        assertEquals(1, booked.get("rooms").asInt());
        assertEquals(240000, booked.get("total").get("amount").asLong());
        assertEquals("KRW", booked.get("total").get("currency").asText());
    }

    @Test
    @Order(7)
    void aGuestSearchesAndBooksInKorean() throws Exception {
        seoul();
        LocalDate start = LocalDate.now(SEOUL).plusDays(44);
        String guest = mesh.guest("guest-seoyeon");
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            signIn(page, guest);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("한국어")).click();
            assertThat(page.locator("html")).hasAttribute("lang", "ko");
            assertThat(page.locator("h1")).hasText("객실 찾기");
            page.getByLabel("목적지").fill("Seoul");
            page.getByLabel("도착일").fill(start.toString());
            page.getByLabel("출발일").fill(start.plusDays(2).toString());
            page.getByLabel("인원").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("검색")).click();

            assertThat(page.locator("#results-heading")).hasText("Seoul의 호텔 2곳");
            // dates and prices formatted for Korean: "2026년 12월 10일", KRW with its sign and grouping
            assertThat(page.locator(".results")).containsText(start.getYear() + "년 " + start.getMonthValue() + "월 "
                    + start.getDayOfMonth() + "일");
            assertThat(page.locator(".results")).containsText("2박");
            Locator hangang = page.locator("#results li.hit").filter(new Locator.FilterOptions().setHasText("Hangang"));
            assertThat(hangang).containsText("숙박 총액 ₩240,000부터");
            assertThat(hangang).containsText("남은 객실 6개");
            assertThat(hangang).containsText("단 2개 남음");
            shot(page, "search-results-ko");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hangang Stay Standard Twin 예약")).click();
            page.waitForURL(Pattern.compile(".*#/review$"));
            assertThat(page.locator("h1")).hasText("예약 확인");
            assertThat(page.locator("body")).containsText("총액 ₩240,000");
            page.getByLabel("카드 (모의 결제 처리기의 테스트 토큰)").selectOption("tok_visa");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("₩240,000 결제하고 예약")).click();
            assertThat(page.locator("#outcome")).containsText("예약과 결제가 끝났습니다");
            shot(page, "booked-ko");

            // the choice is remembered over a reload, on every page; the switch goes back to English
            page.navigate(base + "/#/me");
            page.reload();
            assertThat(page.locator("html")).hasAttribute("lang", "ko");
            assertThat(page.locator("h1")).hasText("내 예약");
            assertThat(page.locator("table")).containsText("결제 완료");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("h1")).hasText("My reservations");
        }
        assertEquals("paid", onlyReservation(guest).get("status").asText());
    }

    @Test
    @Order(8)
    void aGuestBooksWithTheKeyboardAlone() throws Exception {
        seoul();
        String guest = mesh.guest("guest-keys");
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            page.navigate(base + "/#/signin?token=" + guest);
            page.getByText("Sign in with this link?").waitFor();
            tabTo(page, "Sign in as guest-keys");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*#/$"));

            // the place typed, the dates as the page proposes them (tomorrow, one night), two guests
            tabTo(page, "Destination");
            page.keyboard().type("Seoul");
            tabTo(page, "Search");
            page.keyboard().press("Enter");
            assertThat(page.locator("#results li.hit")).hasCount(2);
            // the focus moves to the results, which say how many there are
            assertEquals("results-heading", page.evaluate("document.activeElement.id"));

            tabTo(page, "Book Standard Twin at Hangang Stay");
            assertEquals("solid", page.evaluate("getComputedStyle(document.activeElement).outlineStyle"),
                    "the focused button shows its focus");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*#/review$"));
            assertThat(page.locator("h1")).hasText("Review your booking");
            tabTo(page, "Card (test tokens of the simulated processor)"); // Test Visa, approved, is the first card
            tabTo(page, "^Book and pay ₩");
            page.keyboard().press("Enter");
            assertThat(page.locator("#outcome")).containsText("Booked and paid");
        }
        JsonNode booked = onlyReservation(guest);
        assertEquals("paid", booked.get("status").asText());
        assertEquals(String.valueOf(seoul().get("Hangang Stay")), booked.get("hotelID").asText());
    }

    @Test
    @Order(9)
    void theSearchAndBookingFitAPhone() throws Exception {
        seoul();
        LocalDate start = LocalDate.now(SEOUL).plusDays(48);
        String guest = mesh.guest("guest-phone");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(375, 667).setHasTouch(true))) {
            Page page = context.newPage();
            signIn(page, guest);
            assertFitsTheScreen(page, "the search");
            shot(page, "phone-search");
            page.getByLabel("Destination").fill("Seoul");
            page.getByLabel("Arrival").fill(start.toString());
            page.getByLabel("Departure").fill(start.plusDays(2).toString());
            page.getByLabel("Guests").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator("#results li.hit")).hasCount(2);
            assertFitsTheScreen(page, "the results");
            shot(page, "phone-results");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book Deluxe King at Namsan Grand"))
                    .click();
            page.waitForURL(Pattern.compile(".*#/review$"));
            assertFitsTheScreen(page, "the review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book and pay ₩500,000")).click();
            assertThat(page.locator("#outcome")).containsText("Booked and paid");
            shot(page, "phone-booked");
        }
        JsonNode booked = onlyReservation(guest);
        assertEquals("paid", booked.get("status").asText());
        assertEquals(String.valueOf(seoul().get("Namsan Grand")), booked.get("hotelID").asText());
        assertEquals(500000, booked.get("total").get("amount").asLong());
    }

    /** The card of one room type on a hotel's page, by its heading. */
    private static Locator roomType(Locator rooms, String name) {
        return rooms.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHas(
                rooms.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))));
    }

    private static void assertFitsTheScreen(Page page, String what) {
        Object fits = page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth");
        assertEquals(true, fits, what + " must not scroll sideways on a phone");
    }

    /** The guest's one reservation. */
    private static JsonNode onlyReservation(String guest) throws Exception {
        JsonNode mine = JSON.readTree(Mesh.ok(mesh.send("GET", "/v1/reservations?when=all", guest, null)).body());
        assertEquals(1, mine.get("items").size(), mine.toString());
        return mine.get("items").get(0);
    }

    /**
     * Two hotels in Seoul and one in Busan, added once through the API by an administrator, each room type with its
     * rooms and one price (KRW) a night for the next 90 nights, so that the totals are exact: Hangang Stay (3 stars):
     * Standard Twin for two (6 rooms, 120,000), Family Room for four (2 rooms, 200,000), Single (2 rooms, 80,000);
     * Namsan Grand (5 stars): Deluxe King for two (2 rooms, 250,000); Haeundae Beach in Busan: Ocean Double.
     * Returns once the search sees the Seoul rooms on sale (the rooms reach the inventory through hotel-svc's outbox).
     */
    private static synchronized Map<String, Long> seoul() throws Exception {
        if (seoulHotels != null) {
            return seoulHotels;
        }
        String admin = mesh.admin();
        Map<String, Long> hotels = new LinkedHashMap<>();
        hotels.put("Hangang Stay", addHotel(admin, "Hangang Stay", "Seoul", 3, List.of(
                new RoomTypeSeed("Standard Twin", 2, "2 single", 6, 120000),
                new RoomTypeSeed("Family Room", 4, "1 king, 2 single", 2, 200000),
                new RoomTypeSeed("Single", 1, "1 single", 2, 80000))));
        hotels.put("Namsan Grand", addHotel(admin, "Namsan Grand", "Seoul", 5, List.of(
                new RoomTypeSeed("Deluxe King", 2, "1 king", 2, 250000))));
        hotels.put("Haeundae Beach", addHotel(admin, "Haeundae Beach", "Busan", 4, List.of(
                new RoomTypeSeed("Ocean Double", 2, "1 double", 2, 150000))));
        LocalDate night = LocalDate.now(SEOUL).plusDays(1);
        String search = "/v1/search?city=seoul&startDate=" + night + "&endDate=" + night.plusDays(1) + "&guests=2";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = mesh.send("GET", search, null, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("totalSize").asInt() == 2
                    && response.body().contains("\"roomsLeft\":6")) {
                seoulHotels = hotels;
                return hotels;
            }
            Thread.sleep(500);
        }
        fail("the search never showed the two Seoul hotels with their rooms; last answer: " + last);
        return hotels;
    }

    private record RoomTypeSeed(String name, int maxOccupancy, String beds, int rooms, long price) {
    }

    private static long addHotel(String admin, String name, String city, int stars, List<RoomTypeSeed> types)
            throws Exception {
        long id = Mesh.id(Mesh.created(mesh.send("POST", "/v1/hotels", admin, "{\"name\":\"" + name
                + "\",\"starRating\":" + stars + ",\"timeZone\":\"Asia/Seoul\",\"address\":{\"line1\":\"1 Sejong-daero\","
                + "\"city\":\"" + city + "\",\"postalCode\":\"04524\",\"country\":\"KR\"}}")));
        LocalDate today = LocalDate.now(SEOUL);
        int floor = 1;
        for (RoomTypeSeed type : types) {
            long typeId = Mesh.id(Mesh.created(mesh.send("POST", "/v1/hotels/" + id + "/room-types", admin,
                    "{\"name\":\"" + type.name() + "\",\"maxOccupancy\":" + type.maxOccupancy()
                            + ",\"bedConfiguration\":\"" + type.beds() + "\",\"amenities\":[\"wifi\"]}")));
            Mesh.ok(mesh.send("PUT", "/v1/hotels/" + id + "/room-types/" + typeId + "/base-rates", admin,
                    "{\"startDate\":\"" + today + "\",\"endDate\":\"" + today.plusDays(90) + "\",\"amount\":"
                            + type.price() + ",\"currency\":\"KRW\"}"));
            for (int i = 1; i <= type.rooms(); i++) {
                Mesh.created(mesh.send("POST", "/v1/hotels/" + id + "/rooms", admin, "{\"number\":\"" + floor
                        + String.format("%02d", i) + "\",\"floor\":" + floor + ",\"roomTypeID\":\"" + typeId
                        + "\",\"inService\":true}"));
            }
            floor++;
        }
        return id;
    }

    /**
     * Presses Tab until the focused element's accessible name (its aria-label, its label, else its text) is
     * {@code name} (or matches it, when it starts with ^): only the keyboard moves; the page is only read.
     */
    private static void tabTo(Page page, String name) {
        Pattern wanted = Pattern.compile(name.startsWith("^") ? name : "^" + Pattern.quote(name) + "$");
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            String focused = String.valueOf(page.evaluate("(() => { const e = document.activeElement;"
                    + " if (!e || e === document.body) return '';"
                    + " if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');"
                    + " if (e.labels && e.labels.length) return e.labels[0].firstChild.textContent;"
                    + " return e.textContent; })()")).trim();
            if (wanted.matcher(focused).find()) {
                return;
            }
            passed.add(focused);
        }
        fail("Tab never reached \"" + name + "\"; it went through " + passed);
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
        page.waitForURL(Pattern.compile(".*#/$"));
    }

    /** A browser context in American English, as the tests read the pages. */
    private static BrowserContext english() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
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
