package org.telestation.server.booking;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may book what (product brief, workflow 2): patients from {@code minimumAge}; any ticked exclusion criterion
 * refuses with its advice (e.g. chest pain now → call 15); a home visit needs one of the three bases of the brief.
 */
@Component
public class EligibilityPolicy {

    private final BookingProperties properties;

    EligibilityPolicy(BookingProperties properties) {
        this.properties = properties;
    }

    public List<String> exclusionCriteria() {
        return properties.exclusionCriteria();
    }

    /** The reasons that refuse this booking; empty when eligible. */
    public List<BookingException.Reason> refusals(BookingRequest request, LocalDate today, boolean homeVisit) {
        List<BookingException.Reason> reasons = new ArrayList<>();
        int age = Period.between(request.birthDate(), today).getYears();
        if (age < properties.minimumAge()) {
            reasons.add(new BookingException.Reason("booking.refused.age", properties.minimumAge()));
        }
        for (String code : request.exclusions()) {
            if (properties.exclusionCriteria().contains(code)) {
                reasons.add(new BookingException.Reason("booking.exclusion." + code + ".advice"));
            }
        }
        if (homeVisit && homeVisitBasis(request, today).isEmpty()) {
            reasons.add(new BookingException.Reason("booking.refused.homeVisit", properties.homeVisitAldMinimumAge(),
                    properties.adultAge()));
        }
        return reasons;
    }

    /** The first basis of the brief that allows a home visit, if any. */
    public Optional<BookingModel.HomeVisitBasis> homeVisitBasis(BookingRequest request, LocalDate today) {
        int age = Period.between(request.birthDate(), today).getYears();
        if (request.ald() && age >= properties.homeVisitAldMinimumAge() && request.cannotTravel()) {
            return Optional.of(BookingModel.HomeVisitBasis.ALD_OVER_65_CANNOT_TRAVEL);
        }
        if (request.disability() && age >= properties.adultAge()) {
            return Optional.of(BookingModel.HomeVisitBasis.DISABLED_ADULT);
        }
        if ("NONE".equals(request.mtStatus()) && request.cannotTravel()) {
            return Optional.of(BookingModel.HomeVisitBasis.NO_MT_CANNOT_TRAVEL);
        }
        return Optional.empty();
    }
}
