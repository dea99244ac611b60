package org.telestation.server.booking;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's agenda: a week per place, phone bookings, the same-day pool, home visits, opening hours. */
@Controller
@RequestMapping("/agenda")
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class AgendaController {

    private final ScheduleService schedules;
    private final SlotService slots;
    private final BookingService booking;
    private final EligibilityPolicy eligibility;
    private final BookingMessages messages;
    private final BookingTime time;

    AgendaController(ScheduleService schedules, SlotService slots, BookingService booking,
                     EligibilityPolicy eligibility, BookingMessages messages, BookingTime time) {
        this.schedules = schedules;
        this.slots = slots;
        this.booking = booking;
        this.eligibility = eligibility;
        this.messages = messages;
        this.time = time;
    }

    /** One line of the week: a slot and the appointment holding it, if any. */
    record Line(Slot slot, AgendaEntry appointment) {}

    @GetMapping
    String week(@RequestParam(required = false) String site, @RequestParam(required = false) String week, Model model,
                Locale locale, HttpServletResponse response) {
        List<Place> places = schedules.places();
        model.addAttribute("places", places);
        Optional<Place> place = site == null || site.isBlank()
                ? places.stream().findFirst() : parse(site).flatMap(schedules::place);
        if (place.isEmpty()) {
            if (site != null && !site.isBlank()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("errors", List.of(messages.get("booking.error.place.unknown", locale)));
            }
            return "booking/agenda";
        }
        LocalDate monday = parseDay(week).orElse(slots.today()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Slot> weekSlots = slots.slots(place.get().owner(), monday, monday.plusDays(6));
        List<AgendaEntry> entries = booking.agenda(place.get().owner(), monday, monday.plusDays(6));
        Map<UUID, AgendaEntry> holding = entries.stream().filter(e -> e.slotId() != null && e.status().holdsSlot())
                .collect(Collectors.toMap(AgendaEntry::slotId, Function.identity(), (a, b) -> a));
        Map<LocalDate, List<Line>> days = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            days.put(monday.plusDays(i), new ArrayList<>());
        }
        for (Slot s : weekSlots) {
            days.computeIfAbsent(time.localDay(s.start()), d -> new ArrayList<>()).add(new Line(s, holding.get(s.id())));
        }
        days.values().removeIf(List::isEmpty);
        model.addAttribute("place", place.get());
        model.addAttribute("monday", monday);
        model.addAttribute("days", days);
        model.addAttribute("cancelled", entries.stream()
                .filter(e -> e.slotId() != null && !e.status().holdsSlot()).toList());
        model.addAttribute("pool", entries.stream().filter(e -> e.channel() == BookingModel.Channel.SAME_DAY).toList());
        model.addAttribute("today", slots.today());
        model.addAttribute("nurses", booking.nurses());
        model.addAttribute("poolForm", new BookingForm());
        model.addAttribute("criteria", eligibility.exclusionCriteria());
        return "booking/agenda";
    }

    @GetMapping("/book")
    String bookForm(@RequestParam String slot, Model model, Locale locale, HttpServletResponse response) {
        BookingForm form = new BookingForm();
        form.setSlotId(slot);
        form.setConsent(false);
        model.addAttribute("form", form);
        return bookPage(form, model, locale, response);
    }

    @PostMapping("/book")
    String book(@ModelAttribute("form") BookingForm form, Model model, Locale locale, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            BookingService.Confirmation c = booking.book(form.toSlotRequest(booking), BookingModel.Channel.PHONE);
            redirect.addFlashAttribute("message", messages.resolve(new BookingException.Reason(
                    "booking.agenda.booked", BookingService.formatCode(c.code()), time.dateTime(c.start())), locale));
            return "redirect:/agenda?site=" + c.placeId() + "&week=" + time.localDay(c.start());
        } catch (BookingException e) {
            response.setStatus(BookingMessages.status(e).value());
            model.addAttribute("errors", messages.resolve(e.reasons(), locale));
            return bookPage(form, model, locale, null);
        }
    }

    private String bookPage(BookingForm form, Model model, Locale locale, HttpServletResponse response) {
        Optional<Slot> slot = parse(form.getSlotId()).flatMap(slots::find);
        if (slot.isEmpty()) {
            if (response != null) response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errors", List.of(messages.get("booking.error.slot.unknown", locale)));
        } else {
            model.addAttribute("slot", slot.get());
            model.addAttribute("place", schedules.place(slot.get().owner().id()).orElse(null));
        }
        model.addAttribute("criteria", eligibility.exclusionCriteria());
        return "booking/phone";
    }

    @PostMapping("/pool")
    String addToPool(@RequestParam String site, @ModelAttribute("form") BookingForm form, Locale locale,
                     RedirectAttributes redirect) {
        List<BookingException.Reason> problems = new ArrayList<>();
        BookingRequest request = form.toRequest(problems);
        try {
            UUID siteId = parse(site).orElseThrow(() -> new BookingException.NotFound("booking.error.place.unknown"));
            if (!problems.isEmpty()) {
                throw new BookingException.Invalid(problems);
            }
            booking.addToSameDayPool(siteId, request);
            redirect.addFlashAttribute("message", messages.get("booking.agenda.pool.added", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "redirect:/agenda?site=" + site;
    }

    @PostMapping("/appointments/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String site,
                  @RequestParam(required = false) String week, Locale locale, RedirectAttributes redirect) {
        try {
            booking.cancel(id);
            redirect.addFlashAttribute("message", messages.get("booking.agenda.cancelled", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return back(site, week);
    }

    @PostMapping("/appointments/{id}/nurse")
    String assignNurse(@PathVariable UUID id, @RequestParam String nurse, @RequestParam(required = false) String site,
                       @RequestParam(required = false) String week, Locale locale, RedirectAttributes redirect) {
        try {
            booking.assignNurse(id, parse(nurse).orElseThrow(
                    () -> new BookingException.NotFound("booking.error.nurse.unknown")));
            redirect.addFlashAttribute("message", messages.get("booking.agenda.nurse.assigned", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return back(site, week);
    }

    @GetMapping("/schedule")
    String schedule(@RequestParam String site, Model model, Locale locale, HttpServletResponse response) {
        Optional<Place> place = parse(site).flatMap(schedules::place);
        if (place.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errors", List.of(messages.get("booking.error.place.unknown", locale)));
            model.addAttribute("places", schedules.places());
            return "booking/agenda";
        }
        model.addAttribute("place", place.get());
        model.addAttribute("rules", schedules.rules(place.get().owner()));
        model.addAttribute("exceptions", schedules.exceptions(place.get().owner(), slots.today()));
        model.addAttribute("daysOfWeek", DayOfWeek.values());
        return "booking/schedule";
    }

    @PostMapping("/schedule/rules")
    String addRule(@RequestParam String site, @RequestParam String day, @RequestParam String start,
                   @RequestParam String end, @RequestParam(required = false) String slotMinutes, Locale locale,
                   RedirectAttributes redirect) {
        try {
            Place place = place(site);
            schedules.addRule(place.owner(), parseEnum(day), time(start), time(end), minutes(slotMinutes));
            redirect.addFlashAttribute("message", messages.get("booking.schedule.saved", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "redirect:/agenda/schedule?site=" + site;
    }

    @PostMapping("/schedule/rules/{id}/delete")
    String deleteRule(@PathVariable UUID id, @RequestParam String site, Locale locale, RedirectAttributes redirect) {
        try {
            schedules.deleteRule(id);
            redirect.addFlashAttribute("message", messages.get("booking.schedule.saved", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "redirect:/agenda/schedule?site=" + site;
    }

    @PostMapping("/schedule/exceptions")
    String addException(@RequestParam String site, @RequestParam String day, @RequestParam String kind,
                        @RequestParam(required = false) String start, @RequestParam(required = false) String end,
                        @RequestParam(required = false) String slotMinutes,
                        @RequestParam(required = false) String label, Locale locale, RedirectAttributes redirect) {
        try {
            Place place = place(site);
            LocalDate date = parseDay(day).orElseThrow(() -> new BookingException.Invalid("booking.error.exception.day"));
            BookingModel.ExceptionKind k;
            try {
                k = BookingModel.ExceptionKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new BookingException.Invalid("booking.error.exception.day");
            }
            schedules.addException(place.owner(), date, k, blankOr(start), blankOr(end), minutes(slotMinutes),
                    label == null || label.isBlank() ? null : label.trim());
            redirect.addFlashAttribute("message", messages.get("booking.schedule.saved", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "redirect:/agenda/schedule?site=" + site;
    }

    @PostMapping("/schedule/exceptions/{id}/delete")
    String deleteException(@PathVariable UUID id, @RequestParam String site, Locale locale,
                           RedirectAttributes redirect) {
        try {
            schedules.deleteException(id);
            redirect.addFlashAttribute("message", messages.get("booking.schedule.saved", locale));
        } catch (BookingException e) {
            redirect.addFlashAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "redirect:/agenda/schedule?site=" + site;
    }

    private Place place(String site) {
        return parse(site).flatMap(schedules::place)
                .orElseThrow(() -> new BookingException.NotFound("booking.error.place.unknown"));
    }

    private static String back(String site, String week) {
        return "redirect:/agenda" + (site == null ? "" : "?site=" + site + (week == null ? "" : "&week=" + week));
    }

    private static DayOfWeek parseEnum(String day) {
        try {
            return DayOfWeek.valueOf(day);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BookingException.Invalid("booking.error.schedule.times");
        }
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BookingException.Invalid("booking.error.schedule.times");
        }
    }

    private static LocalTime blankOr(String value) {
        return value == null || value.isBlank() ? null : time(value);
    }

    private static Integer minutes(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BookingException.Invalid("booking.error.schedule.slotMinutes");
        }
    }

    static Optional<LocalDate> parseDay(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
