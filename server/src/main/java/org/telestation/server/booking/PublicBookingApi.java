package org.telestation.server.booking;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Patient booking without an account, as JSON: the same rules as the public pages. */
@RestController
@RequestMapping("/api/public/booking")
class PublicBookingApi {

    private final ScheduleService schedules;
    private final SlotService slots;
    private final BookingService booking;
    private final EligibilityPolicy eligibility;
    private final BookingMessages messages;

    PublicBookingApi(ScheduleService schedules, SlotService slots, BookingService booking,
                     EligibilityPolicy eligibility, BookingMessages messages) {
        this.schedules = schedules;
        this.slots = slots;
        this.booking = booking;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    record PlaceJson(UUID id, String name, String kind, String city, boolean homeVisit) {}

    record SlotJson(UUID id, Instant start, Instant end) {}

    record CriterionJson(String code, String label, String advice) {}

    record ConfirmationJson(String confirmationCode, Instant start, UUID placeId, String status) {}

    record CancelJson(String code) {}

    @GetMapping("/places")
    List<PlaceJson> places() {
        return schedules.places().stream()
                .map(p -> new PlaceJson(p.id(), p.name(), p.kind(), p.city(), p.owner().isStation())).toList();
    }

    @GetMapping("/places/{placeId}/slots")
    List<SlotJson> freeSlots(@PathVariable UUID placeId) {
        Place place = schedules.place(placeId)
                .orElseThrow(() -> new BookingException.NotFound("booking.error.place.unknown"));
        return slots.freeSlots(place.owner()).stream().map(s -> new SlotJson(s.id(), s.start(), s.end())).toList();
    }

    @GetMapping("/criteria")
    List<CriterionJson> criteria(Locale locale) {
        return eligibility.exclusionCriteria().stream()
                .map(c -> new CriterionJson(c, messages.get("booking.exclusion." + c + ".label", locale),
                        messages.get("booking.exclusion." + c + ".advice", locale)))
                .toList();
    }

    @PostMapping("/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    ConfirmationJson book(@RequestBody BookingRequest request) {
        BookingService.Confirmation c = booking.book(request, BookingModel.Channel.ONLINE);
        return new ConfirmationJson(BookingService.formatCode(c.code()), c.start(), c.placeId(), "booked");
    }

    @PostMapping("/cancel")
    ConfirmationJson cancel(@RequestBody CancelJson body) {
        BookingService.Cancelled c = booking.cancelByCode(body == null ? null : body.code());
        return new ConfirmationJson(null, c.start(), c.placeId(), "cancelled");
    }
}
