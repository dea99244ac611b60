package org.telestation.server.booking;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The HTML form behind the public and the phone booking pages. Everything arrives as text so that a malformed date or
 * id becomes a readable message instead of a binding error page.
 */
public class BookingForm {
    private String slotId;
    private String birthFamilyName;
    private String birthGivenNames;
    private String birthDate;
    private String sex;
    private String ins;
    private String phone;
    private String email;
    private String reason;
    private String mtStatus;
    private String mtName;
    private List<String> exclusions = new ArrayList<>();
    private boolean ald;
    private boolean disability;
    private boolean cannotTravel;
    private String homeAddressLine;
    private String homePostalCode;
    private String homeCity;
    private boolean consent;

    /**
     * Converts to a request for a slot booking; a malformed date or id is reported together with the other field
     * problems, so the person sees every mistake at once.
     */
    BookingRequest toSlotRequest(BookingService booking) {
        List<BookingException.Reason> problems = new ArrayList<>();
        BookingRequest request = toRequest(problems);
        if (!problems.isEmpty()) {
            problems.addAll(booking.check(request, true));
            throw new BookingException.Invalid(problems);
        }
        return request;
    }

    /** Converts to a request; unparsable values become null and a reason in {@code problems}. */
    BookingRequest toRequest(List<BookingException.Reason> problems) {
        UUID slot = null;
        if (slotId != null && !slotId.isBlank()) {
            try {
                slot = UUID.fromString(slotId.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new BookingException.Reason("booking.error.slot.unknown"));
            }
        }
        LocalDate birth = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                birth = LocalDate.parse(birthDate.trim());
            } catch (DateTimeParseException e) {
                problems.add(new BookingException.Reason("booking.error.birthDate.format"));
            }
        }
        return new BookingRequest(slot, birthFamilyName, birthGivenNames, birth, sex, ins, phone, email, reason,
                mtStatus, mtName, exclusions, ald, disability, cannotTravel, homeAddressLine, homePostalCode, homeCity,
                consent);
    }

    public String getSlotId() { return slotId; }
    public void setSlotId(String v) { slotId = v; }
    public String getBirthFamilyName() { return birthFamilyName; }
    public void setBirthFamilyName(String v) { birthFamilyName = v; }
    public String getBirthGivenNames() { return birthGivenNames; }
    public void setBirthGivenNames(String v) { birthGivenNames = v; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String v) { birthDate = v; }
    public String getSex() { return sex; }
    public void setSex(String v) { sex = v; }
    public String getIns() { return ins; }
    public void setIns(String v) { ins = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getMtStatus() { return mtStatus; }
    public void setMtStatus(String v) { mtStatus = v; }
    public String getMtName() { return mtName; }
    public void setMtName(String v) { mtName = v; }
    public List<String> getExclusions() { return exclusions; }
    public void setExclusions(List<String> v) { exclusions = v == null ? new ArrayList<>() : v; }
    public boolean isAld() { return ald; }
    public void setAld(boolean v) { ald = v; }
    public boolean isDisability() { return disability; }
    public void setDisability(boolean v) { disability = v; }
    public boolean isCannotTravel() { return cannotTravel; }
    public void setCannotTravel(boolean v) { cannotTravel = v; }
    public String getHomeAddressLine() { return homeAddressLine; }
    public void setHomeAddressLine(String v) { homeAddressLine = v; }
    public String getHomePostalCode() { return homePostalCode; }
    public void setHomePostalCode(String v) { homePostalCode = v; }
    public String getHomeCity() { return homeCity; }
    public void setHomeCity(String v) { homeCity = v; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean v) { consent = v; }
}
