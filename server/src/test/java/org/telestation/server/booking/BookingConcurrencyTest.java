package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Workflow 1: "No slot is ever booked twice, even under concurrent requests." */
class BookingConcurrencyTest extends BookingTestBase {

    @Autowired ScheduleService schedules;
    @Autowired SlotService slots;

    @Test
    void hundredConcurrentBookingsOfOneSlotGiveOneBookingAndNinetyNineClearRefusals() throws Exception {
        CLOCK.set(MONDAY_8AM);
        UUID site = siteOpenWeekdayMornings(schedules);
        Slot slot = slots.freeSlots(SlotOwner.site(site)).get(0);
        String tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        long patientsBefore = count("select count(*) from patient");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // 100 different people, so a refused booking that left its patient behind would show in the count.
            String family = "Concurrent" + tag + (char) ('a' + i % 26) + (char) ('a' + i / 26);
            String json = """
                    {"slotId":"%s","birthFamilyName":"%s","birthGivenNames":"Alex","birthDate":"1975-03-02",
                     "sex":"M","phone":"0611223344","reason":"Fièvre","mtStatus":"NONE","consent":true}"""
                    .formatted(slot.id(), family);
            responses.add(pool.submit(() -> {
                start.await();
                return client.send(HttpRequest.newBuilder(URI.create(url("/api/public/booking/appointments")))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> done = new ArrayList<>();
        for (Future<HttpResponse<String>> f : responses) {
            done.add(f.get());
        }
        pool.shutdown();

        assertThat(done.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        List<HttpResponse<String>> refused = done.stream().filter(r -> r.statusCode() == 409).toList();
        assertThat(refused).hasSize(99);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).contains("application/problem+json"));
            assertThat(r.body()).contains("booking.error.slot.taken")
                    .contains("Ce créneau vient d'être réservé par quelqu'un d'autre");
        });

        // Exactly one appointment holds the slot; nothing of the 99 refused bookings was written.
        assertThat(count("select count(*) from appointment where slot_id = ?", slot.id())).isEqualTo(1);
        assertThat(count("select count(*) from patient where birth_family_name like ?", "Concurrent" + tag + "%"))
                .isEqualTo(1);
        assertThat(count("select count(*) from patient")).isEqualTo(patientsBefore + 1);
        assertThat(count("select count(*) from audit_event where resource_type = 'Appointment' and action = 'CREATE' "
                + "and resource_id in (select id::text from appointment where slot_id = ?)", slot.id())).isEqualTo(1);
        assertThat(count("select count(*) from scheduled_tasks where task_name like 'booking-%' "
                + "and task_instance not in (select id::text from appointment)")).isZero();
    }
}
