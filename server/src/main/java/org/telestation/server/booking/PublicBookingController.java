package org.telestation.server.booking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The patient's booking pages, without an account: choose a place, a free slot, fill in, confirm; cancel by code. */
@Controller
@RequestMapping("/public/booking")
class PublicBookingController {

    private final ScheduleService schedules;
    private final SlotService slots;
    private final BookingService booking;
    private final EligibilityPolicy eligibility;
    private final BookingMessages messages;

    PublicBookingController(ScheduleService schedules, SlotService slots, BookingService booking,
                            EligibilityPolicy eligibility, BookingMessages messages) {
        this.schedules = schedules;
        this.slots = slots;
        this.booking = booking;
        this.eligibility = eligibility;
        this.messages = messages;
    }

    @GetMapping
    String choose(@RequestParam(required = false) String place, Model model, HttpServletResponse response) {
        model.addAttribute("form", new BookingForm());
        return page(place, model, response);
    }

    @PostMapping
    String book(@RequestParam(required = false) String place, @ModelAttribute("form") BookingForm form, Model model,
                Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            BookingService.Confirmation c = booking.book(form.toSlotRequest(booking), BookingModel.Channel.ONLINE);
            redirect.addFlashAttribute("code", BookingService.formatCode(c.code()));
            redirect.addFlashAttribute("start", c.start());
            redirect.addFlashAttribute("placeName", schedules.place(c.placeId()).map(Place::name).orElse(""));
            redirect.addFlashAttribute("homeVisit", schedules.place(c.placeId()).map(p -> p.owner().isStation()).orElse(false));
            return "redirect:/public/booking/confirmation";
        } catch (BookingException e) {
            response.setStatus(BookingMessages.status(e).value());
            model.addAttribute("errors", messages.resolve(e.reasons(), locale));
            return page(place, model, null);
        }
    }

    @GetMapping("/confirmation")
    String confirmation(Model model) {
        return model.containsAttribute("code") ? "booking/confirmation" : "redirect:/public/booking";
    }

    @GetMapping("/cancel")
    String cancelForm() {
        return "booking/cancel";
    }

    @PostMapping("/cancel")
    String cancel(@RequestParam(required = false) String code, Model model, Locale locale,
                  HttpServletResponse response) {
        try {
            BookingService.Cancelled c = booking.cancelByCode(code);
            model.addAttribute("cancelledStart", c.start());
            model.addAttribute("placeName", schedules.place(c.placeId()).map(Place::name).orElse(""));
        } catch (BookingException e) {
            response.setStatus(BookingMessages.status(e).value());
            model.addAttribute("errors", messages.resolve(e.reasons(), locale));
        }
        return "booking/cancel";
    }

    private String page(String place, Model model, HttpServletResponse response) {
        model.addAttribute("places", schedules.places());
        model.addAttribute("criteria", eligibility.exclusionCriteria());
        if (place != null && !place.isBlank()) {
            Place chosen = AgendaController.parse(place).flatMap(schedules::place).orElse(null);
            if (chosen == null) {
                if (response != null) response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("errors", List.of(messages.get("booking.error.place.unknown",
                        org.springframework.context.i18n.LocaleContextHolder.getLocale())));
            } else {
                model.addAttribute("place", chosen);
                model.addAttribute("slots", slots.freeSlots(chosen.owner()));
            }
        }
        return "booking/public";
    }
}
