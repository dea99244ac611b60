package org.telestation.server.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The coordinator's booking API: week agenda, booking for a caller, same-day pool, cancelling. */
@RestController
@RequestMapping("/api/booking")
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class StaffBookingApi {

    private final ScheduleService schedules;
    private final SlotService slots;
    private final BookingService booking;

    StaffBookingApi(ScheduleService schedules, SlotService slots, BookingService booking) {
        this.schedules = schedules;
        this.slots = slots;
        this.booking = booking;
    }

    record SlotEntry(UUID slotId, Instant start, Instant end, boolean free, boolean blocked, AgendaEntry appointment) {}

    record Agenda(UUID placeId, LocalDate weekStart, List<SlotEntry> slots, List<AgendaEntry> sameDayPool) {}

    record Booked(UUID appointmentId, String confirmationCode, Instant start) {}

    @GetMapping("/agenda")
    Agenda agenda(@RequestParam UUID place,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
        Place p = schedules.place(place).orElseThrow(() -> new BookingException.NotFound("booking.error.place.unknown"));
        LocalDate monday = (week == null ? slots.today() : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Slot> weekSlots = slots.slots(p.owner(), monday, monday.plusDays(6));
        List<AgendaEntry> entries = booking.agenda(p.owner(), monday, monday.plusDays(6));
        Map<UUID, AgendaEntry> active = entries.stream().filter(e -> e.slotId() != null && e.status().holdsSlot())
                .collect(Collectors.toMap(AgendaEntry::slotId, Function.identity(), (a, b) -> a));
        return new Agenda(place, monday,
                weekSlots.stream().map(s -> new SlotEntry(s.id(), s.start(), s.end(), s.free(), s.blocked(),
                        active.get(s.id()))).toList(),
                entries.stream().filter(e -> e.channel() == BookingModel.Channel.SAME_DAY).toList());
    }

    @PostMapping("/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    Booked bookForCaller(@RequestBody BookingRequest request) {
        BookingService.Confirmation c = booking.book(request, BookingModel.Channel.PHONE);
        return new Booked(c.appointmentId(), BookingService.formatCode(c.code()), c.start());
    }

    @PostMapping("/appointments/{id}/cancel")
    Map<String, Object> cancel(@PathVariable UUID id) {
        booking.cancel(id);
        return Map.of("appointmentId", id, "status", "cancelled");
    }

    @PostMapping("/pool")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addToPool(@RequestParam UUID site, @RequestBody BookingRequest request) {
        return Map.of("appointmentId", booking.addToSameDayPool(site, request), "status", "waitlist");
    }
}
