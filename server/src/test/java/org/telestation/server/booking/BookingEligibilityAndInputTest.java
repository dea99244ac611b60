package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Eligibility at booking and bad input, through the real HTTP API and pages: every refusal is a 4xx with a readable
 * sentence (French by default, English on request), and nothing is half-written.
 */
class BookingEligibilityAndInputTest extends BookingTestBase {

    @Autowired ScheduleService schedules;
    @Autowired SlotService slots;
    @Autowired TestRestTemplate http;

    UUID site;
    List<Slot> free;
    long patients;
    long appointments;

    @BeforeEach
    void openASite() {
        CLOCK.set(MONDAY_8AM);
        site = siteOpenWeekdayMornings(schedules);
        free = slots.freeSlots(SlotOwner.site(site));
        patients = count("select count(*) from patient");
        appointments = count("select count(*) from appointment");
    }

    private ResponseEntity<String> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(url(path), new HttpEntity<>(json, headers), String.class);
    }

    private static String json(UUID slot, String family, String birthDate, String extra) {
        return """
                {"slotId":"%s","birthFamilyName":"%s","birthGivenNames":"Lou","birthDate":"%s","sex":"F",
                 "email":"lou@example.org","reason":"Angine","mtStatus":"NONE","consent":true%s}"""
                .formatted(slot, family, birthDate, extra);
    }

    private void nothingWritten() {
        assertThat(count("select count(*) from patient")).isEqualTo(patients);
        assertThat(count("select count(*) from appointment")).isEqualTo(appointments);
    }

    @Test
    void aChildUnderSixIsRefusedWithTheMinimumAge() {
        var r = post("/api/public/booking/appointments", json(free.get(0).id(), "Petit", "2021-06-01", ""));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody()).contains("à partir de 6 ans");
        nothingWritten();
        var ok = post("/api/public/booking/appointments", json(free.get(0).id(), "Grand", "2020-11-23", ""));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(ok.getBody()).containsPattern("\"confirmationCode\":\"[A-Z2-9]{5}-[A-Z2-9]{5}\"");
    }

    @Test
    void chestPainNowSaysCallFifteenInFrenchAndInEnglish() {
        String body = json(free.get(0).id(), "Douleur", "1960-01-01", ",\"exclusions\":[\"CHEST_PAIN\"]");
        var fr = post("/api/public/booking/appointments", body);
        assertThat(fr.getStatusCode().value()).isEqualTo(422);
        assertThat(fr.getBody()).contains("appelez le 15");
        var en = post("/api/public/booking/appointments?lang=en", body);
        assertThat(en.getStatusCode().value()).isEqualTo(422);
        assertThat(en.getBody()).contains("call 15");
        nothingWritten();
    }

    @Test
    void homeVisitsNeedABasisAndAnAddress() {
        UUID briefcase = briefcaseOpenTuesdayAfternoon(schedules);
        UUID slot = slots.freeSlots(SlotOwner.station(briefcase)).get(0).id();
        var refused = post("/api/public/booking/appointments", json(slot, "Mobile", "1985-01-01",
                ",\"homeAddressLine\":\"3 rue Haute\""));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("réservée aux patients en ALD");
        var noAddress = post("/api/public/booking/appointments", json(slot, "Sansadresse", "1950-01-01",
                ",\"ald\":true,\"cannotTravel\":true"));
        assertThat(noAddress.getStatusCode().value()).isEqualTo(400);
        assertThat(noAddress.getBody()).contains("adresse du domicile est obligatoire");
        nothingWritten();
        var ok = post("/api/public/booking/appointments", json(slot, "Ancien", "1950-01-01",
                ",\"ald\":true,\"cannotTravel\":true,\"homeAddressLine\":\"3 rue Haute\",\"homeCity\":\"Wassy\""));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select home_visit_basis from appointment where slot_id = ?", String.class, slot))
                .isEqualTo("ALD_OVER_65_CANNOT_TRAVEL");
    }

    @Test
    void malformedJsonUnknownIdsAndBadFormatsAre4xxWithAClearMessage() {
        var malformed = post("/api/public/booking/appointments", "{\"slotId\": ");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("JSON valide");
        var badDate = post("/api/public/booking/appointments", json(free.get(0).id(), "Date", "17/05/1980", ""));
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        var unknownSlot = post("/api/public/booking/appointments", json(UUID.randomUUID(), "Inconnu", "1980-01-01", ""));
        assertThat(unknownSlot.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownSlot.getBody()).contains("Ce créneau n'existe pas");
        assertThat(http.getForEntity(url("/api/public/booking/places/" + UUID.randomUUID() + "/slots"), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity(url("/api/public/booking/places/not-a-uuid/slots"), String.class)
                .getStatusCode().value()).isEqualTo(400);
        var badIns = post("/api/public/booking/appointments", json(free.get(0).id(), "Ins", "1979-03-05",
                ",\"ins\":\"279035121518988\""));
        assertThat(badIns.getStatusCode().value()).isEqualTo(400);
        assertThat(badIns.getBody()).contains("matricule INS n'est pas valide");
        var longReason = post("/api/public/booking/appointments", json(free.get(0).id(), "Long", "1980-01-01", "")
                .replace("\"Angine\"", "\"" + "a".repeat(501) + "\""));
        assertThat(longReason.getStatusCode().value()).isEqualTo(400);
        assertThat(longReason.getBody()).contains("ne doit pas dépasser 500 caractères");
        var longName = post("/api/public/booking/appointments", json(free.get(0).id(), "N".repeat(101), "1980-01-01", ""));
        assertThat(longName.getStatusCode().value()).isEqualTo(400);
        var noConsent = post("/api/public/booking/appointments", json(free.get(0).id(), "Consent", "1980-01-01", "")
                .replace("\"consent\":true", "\"consent\":false"));
        assertThat(noConsent.getStatusCode().value()).isEqualTo(400);
        assertThat(noConsent.getBody()).contains("accepter les conditions");
        var badCode = post("/api/public/booking/cancel", "{\"code\":\"ZZZZZ-ZZZZZ\"}");
        assertThat(badCode.getStatusCode().value()).isEqualTo(404);
        var shortCode = post("/api/public/booking/cancel", "{\"code\":\"abc\"}");
        assertThat(shortCode.getStatusCode().value()).isEqualTo(400);
        nothingWritten();
    }

    @Test
    void aPastSlotCannotBeBookedAndAValidInsIsKept() {
        Slot first = free.get(0);
        CLOCK.set(first.start().plusSeconds(600));
        var past = post("/api/public/booking/appointments", json(first.id(), "Tard", "1980-01-01", ""));
        assertThat(past.getStatusCode().value()).isEqualTo(409);
        assertThat(past.getBody()).contains("passé");
        nothingWritten();
        // standards.md §4.2 test INS 279035121518989 (key 89): accepted, stored on a provisional identity.
        var ok = post("/api/public/booking/appointments", json(free.get(2).id(), "Insok", "1979-03-05",
                ",\"ins\":\"2 79 03 51 215 189 89\""));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select identity_status || ' ' || ins_matricule from patient "
                + "where birth_family_name = 'Insok'", String.class)).isEqualTo("PROV 279035121518989");
    }

    @Test
    void thePublicPageAnswersBadInputInFrenchWithoutWritingAnything() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("slotId", free.get(0).id().toString());
        form.add("birthFamilyName", "Page");
        form.add("birthGivenNames", "Lou");
        form.add("birthDate", "pas une date");
        form.add("sex", "F");
        form.add("reason", "");
        form.add("mtStatus", "NONE");
        // The public page is a browser form: fetch it first for the session's CSRF token.
        ResponseEntity<String> page = http.getForEntity(url("/public/booking?place=" + site), String.class);
        assertThat(page.getBody()).contains(free.get(0).id().toString());
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        form.add("_csrf", token);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (cookie != null) headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
        var r = http.postForEntity(url("/public/booking?place=" + site), new HttpEntity<>(form, headers), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("La date de naissance doit être au format AAAA-MM-JJ")
                .contains("Indiquez le motif de la consultation")
                .contains("Indiquez un téléphone ou une adresse e-mail");
        nothingWritten();
    }

    @Test
    void staffEndpointsNeedASignIn() {
        var r = http.getForEntity(url("/api/booking/agenda?place=" + site), String.class);
        assertThat(r.getStatusCode().is2xxSuccessful() && r.getBody() != null && r.getBody().contains("slots"))
                .isFalse();
    }

    @Test
    void theSameDayPoolIsCappedPerSiteAndDay(@Autowired BookingService booking) {
        for (int i = 0; i < 6; i++) {
            booking.addToSameDayPool(site, adult(null, "Pool" + (char) ('a' + i)));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> booking.addToSameDayPool(site, adult(null, "Poolfull")))
                .isInstanceOf(BookingException.Conflict.class)
                .extracting(e -> ((BookingException) e).reasons().get(0).key()).isEqualTo("booking.error.pool.full");
        assertThat(count("select count(*) from appointment where site_id = ? and channel = 'SAME_DAY' "
                + "and pool_day = ?", site, LocalDate.of(2026, 11, 23))).isEqualTo(6);
    }
}
