package org.telestation.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.ServerTest;
import org.telestation.server.testsupport.Stations;

/**
 * Every endpoint × every role. The table below is the specification: {@link #everyEndpointHasARow} fails when a
 * handler mapping has no row, so a new endpoint cannot escape this test. Booking rows go in the same table.
 *
 * <p>"Allowed" means the request got past authorization: anything but 401, 403 or a redirect to the login page
 * (404 for a random id, 400/422 for the empty body sent are fine). "Denied" means exactly one of those. STATION
 * requests carry a real bearer credential from a freshly enrolled station.
 */
@ServerTest
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, NURSE, GP, SPECIALIST, COORDINATOR, ADMIN, STATION }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> STAFF = EnumSet.of(Who.NURSE, Who.GP, Who.SPECIALIST, Who.COORDINATOR, Who.ADMIN);
    static final Set<Who> COORDINATION = EnumSet.of(Who.COORDINATOR, Who.ADMIN);
    static final Set<Who> STATION = EnumSet.of(Who.STATION);
    static final Set<Who> CLINICAL = EnumSet.of(Who.NURSE, Who.GP, Who.SPECIALIST);
    static final Set<Who> DOCTORS = EnumSet.of(Who.GP, Who.SPECIALIST);
    static final Set<Who> NURSES = EnumSet.of(Who.NURSE);

    /** "METHOD pattern" → who may use it. A mapping without a method is written "* pattern". */
    static final Map<String, Set<Who>> EXPECTED = new LinkedHashMap<>();

    static {
        // web, security, platform
        EXPECTED.put("GET /", EVERYONE);
        EXPECTED.put("* /error", EVERYONE);
        EXPECTED.put("GET /login", EVERYONE);
        EXPECTED.put("GET /login/oidc-refused", EVERYONE);
        EXPECTED.put("POST /api/station/enrol", EVERYONE);
        EXPECTED.put("GET /api/station/me", STATION);
        EXPECTED.put("POST /api/station/rotate", STATION);
        EXPECTED.put("POST /api/station/outbox", STATION);
        // directory API
        EXPECTED.put("GET /api/directory/professionals", STAFF);
        EXPECTED.put("GET /api/directory/professionals/{id}", STAFF);
        EXPECTED.put("POST /api/directory/professionals", COORDINATION);
        EXPECTED.put("GET /api/directory/sites", STAFF);
        EXPECTED.put("GET /api/directory/sites/{id}", STAFF);
        EXPECTED.put("POST /api/directory/sites", COORDINATION);
        EXPECTED.put("GET /api/directory/stations", STAFF);
        EXPECTED.put("POST /api/directory/stations", COORDINATION);
        EXPECTED.put("POST /api/directory/stations/{id}/enrolment-code", COORDINATION);
        EXPECTED.put("POST /api/directory/stations/{id}/revoke", COORDINATION);
        EXPECTED.put("GET /api/directory/circle", STAFF);
        EXPECTED.put("GET /api/directory/circle/history", COORDINATION);
        EXPECTED.put("POST /api/directory/circle", COORDINATION);
        EXPECTED.put("DELETE /api/directory/circle/{professionalId}", COORDINATION);
        // directory screens
        EXPECTED.put("GET /circle", COORDINATION);
        EXPECTED.put("POST /circle/grant", COORDINATION);
        EXPECTED.put("POST /circle/{professionalId}/revoke", COORDINATION);
        EXPECTED.put("GET /directory/professionals", COORDINATION);
        EXPECTED.put("POST /directory/professionals", COORDINATION);
        EXPECTED.put("GET /directory/sites", COORDINATION);
        EXPECTED.put("POST /directory/sites", COORDINATION);
        EXPECTED.put("GET /directory/stations", COORDINATION);
        EXPECTED.put("POST /directory/stations", COORDINATION);
        EXPECTED.put("POST /directory/stations/{id}/enrolment-code", COORDINATION);
        EXPECTED.put("POST /directory/stations/{id}/revoke", COORDINATION);
        // patients
        EXPECTED.put("GET /patients", STAFF);
        EXPECTED.put("GET /patients/new", STAFF);
        EXPECTED.put("POST /patients", STAFF);
        EXPECTED.put("GET /patients/{id}", STAFF);
        EXPECTED.put("GET /api/patients", STAFF);
        EXPECTED.put("GET /api/patients/{id}", STAFF);
        EXPECTED.put("GET /api/patients/duplicates", STAFF);
        EXPECTED.put("POST /api/patients", STAFF);
        EXPECTED.put("PUT /api/patients/{id}", STAFF);
        // audit
        EXPECTED.put("GET /audit", COORDINATION);
        EXPECTED.put("GET /api/audit", COORDINATION);
        // booking: patients book without an account; the agenda is the coordination's
        for (String e : new String[] {"GET /public/booking", "POST /public/booking", "GET /public/booking/confirmation",
                "GET /public/booking/cancel", "POST /public/booking/cancel", "GET /api/public/booking/places",
                "GET /api/public/booking/places/{placeId}/slots", "GET /api/public/booking/criteria",
                "POST /api/public/booking/appointments", "POST /api/public/booking/cancel"}) {
            EXPECTED.put(e, EVERYONE);
        }
        for (String e : new String[] {"GET /agenda", "GET /agenda/book", "POST /agenda/book", "POST /agenda/pool",
                "POST /agenda/appointments/{id}/cancel", "POST /agenda/appointments/{id}/nurse", "GET /agenda/schedule",
                "POST /agenda/schedule/rules", "POST /agenda/schedule/rules/{id}/delete",
                "POST /agenda/schedule/exceptions", "POST /agenda/schedule/exceptions/{id}/delete",
                "GET /api/booking/agenda", "POST /api/booking/appointments", "POST /api/booking/appointments/{id}/cancel",
                "POST /api/booking/pool"}) {
            EXPECTED.put(e, COORDINATION);
        }
        EXPECTED.put("GET /patients/{id}/appointments", EnumSet.of(Who.NURSE, Who.GP, Who.COORDINATOR, Who.ADMIN));
        // expertise: roles below; the circle is checked on top (the matrix users are circle members, see
        // circleMembers(); ExpertiseAuthorizationTest covers outsiders)
        Set<Who> requesters = EnumSet.of(Who.NURSE, Who.GP, Who.SPECIALIST);
        Set<Who> experts = EnumSet.of(Who.GP, Who.SPECIALIST);
        EXPECTED.put("GET /expertise", STAFF);
        EXPECTED.put("GET /expertise/new", requesters);
        EXPECTED.put("POST /expertise/requests", requesters);
        EXPECTED.put("GET /expertise/sent", requesters);
        EXPECTED.put("GET /expertise/inbox", experts);
        EXPECTED.put("GET /expertise/requests/{id}", STAFF);
        EXPECTED.put("POST /expertise/requests/{id}/answer", experts);
        EXPECTED.put("POST /expertise/requests/{id}/info-request", experts);
        EXPECTED.put("POST /expertise/requests/{id}/info-reply", requesters);
        EXPECTED.put("POST /expertise/requests/{id}/reassign", COORDINATION);
        EXPECTED.put("GET /expertise/supervision", COORDINATION);
        EXPECTED.put("GET /expertise/patients/{patientId}", STAFF);
        EXPECTED.put("POST /api/expertise/requests", requesters);
        EXPECTED.put("GET /api/expertise/requests/{id}", STAFF);
        EXPECTED.put("GET /api/expertise/requests/{id}/acts", STAFF);
        EXPECTED.put("GET /api/expertise/inbox", experts);
        EXPECTED.put("GET /api/expertise/sent", requesters);
        EXPECTED.put("POST /api/expertise/requests/{id}/info-request", experts);
        EXPECTED.put("POST /api/expertise/requests/{id}/info-reply", requesters);
        EXPECTED.put("POST /api/expertise/requests/{id}/answer", experts);
        EXPECTED.put("POST /api/expertise/requests/{id}/reassign", COORDINATION);
        EXPECTED.put("GET /api/expertise/supervision", COORDINATION);
        EXPECTED.put("GET /api/expertise/stats", COORDINATION);
        EXPECTED.put("GET /api/expertise/attachments/{id}/ecg", STAFF);
        EXPECTED.put("GET /api/expertise/attachments/{id}/content", STAFF);
        EXPECTED.put("POST /api/expertise/retinography/retinographs", COORDINATION);
        EXPECTED.put("POST /api/expertise/retinography/retinographs/{id}/rotations", COORDINATION);
        EXPECTED.put("GET /api/expertise/retinography/retinographs/{id}/stay", STAFF);
        EXPECTED.put("POST /api/expertise/retinography/enrolments", EnumSet.of(Who.NURSE, Who.GP));
        EXPECTED.put("POST /api/expertise/retinography/enrolments/{id}/images", EnumSet.of(Who.NURSE, Who.GP));
        EXPECTED.put("GET /api/expertise/retinography/indicators", COORDINATION);
        // consultation (per-consultation access is checked by the service: 403/404 for non-participants)
        EXPECTED.put("POST /api/station/emergency", STATION);
        EXPECTED.put("GET /consultations", CLINICAL);
        EXPECTED.put("GET /consultations/new", NURSES);
        EXPECTED.put("POST /consultations", NURSES);
        EXPECTED.put("GET /consultations/{id}", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/pre-interview", NURSES);
        EXPECTED.put("POST /consultations/{id}/admit", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/interrupt", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/resume", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/end", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/cancel", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/requests", DOCTORS);
        EXPECTED.put("GET /consultations/{id}/observations", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/observations/{observationId}/validate", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/observations/{observationId}/discard", DOCTORS);
        EXPECTED.put("GET /consultations/{id}/observations/{observationId}/content", CLINICAL);
        EXPECTED.put("GET /consultations/{id}/observations/{observationId}/ecg", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/invitations", DOCTORS);
        EXPECTED.put("GET /consultations/{id}/video", CLINICAL);
        EXPECTED.put("GET /public/consultation/join/{token}", EVERYONE);
        EXPECTED.put("GET /public/consultation/{id}/room", EVERYONE);
        EXPECTED.put("GET /public/consultation/{id}/video", EVERYONE);
        // documents
        EXPECTED.put("GET /consultations/{id}/report", CLINICAL);
        EXPECTED.put("POST /consultations/{id}/report", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/report/sign", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/report/send", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/report/send-relay", DOCTORS);
        EXPECTED.put("POST /consultations/{id}/report/notify-patient", DOCTORS);
        EXPECTED.put("GET /consultations/{id}/report.pdf", CLINICAL);
    }

    @Autowired MockMvc mvc;
    @Autowired StationService stations;
    @Autowired org.telestation.server.directory.ProfessionalService professionals;
    @Autowired org.telestation.server.directory.CircleService circle;
    @Autowired AccountService accounts;

    /**
     * The people-role matrix users are real accounts bound to professionals of the circle, so that tele-expertise
     * endpoints (role check, then circle check) answer on the role alone here.
     */
    @org.junit.jupiter.api.BeforeEach
    void circleMembers() {
        for (Who who : EnumSet.of(Who.NURSE, Who.GP, Who.SPECIALIST)) {
            String username = "matrix-" + who.name().toLowerCase();
            if (accounts.findByUsername(username).isPresent()) {
                continue;
            }
            var pro = professionals.create(new org.telestation.server.directory.Professional.Draft(null, "Matrix",
                    who.name(), org.telestation.server.directory.Professional.Profession.MEDECIN,
                    java.util.List.of(org.telestation.server.directory.Professional.Speciality.CARDIOLOGIE), null, null,
                    null));
            accounts.create(new Account.Draft(username, null, "Matrix " + who, null, Role.valueOf(who.name()),
                    pro.id()));
            circle.grant(pro.id(), org.telestation.server.directory.CircleMembership.CircleRole.BOTH, "matrix");
        }
    }
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(m -> keys.add(m + " " + pattern));
            }
        }
        return keys;
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> registered = endpoints(mapping);
        assertThat(registered).as("endpoints without a row in AuthorizationMatrixTest.EXPECTED")
                .allSatisfy(e -> assertThat(EXPECTED).containsKey(e));
        assertThat(EXPECTED.keySet()).as("rows for endpoints that no longer exist").allMatch(registered::contains);
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return EXPECTED.entrySet().stream().flatMap(row -> EnumSet.allOf(Who.class).stream().map(who ->
                DynamicTest.dynamicTest(row.getKey() + " as " + who, () -> check(row.getKey(), who,
                        row.getValue().contains(who)))));
    }

    private void check(String endpoint, Who who, boolean allowed) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                HttpMethod.valueOf("*".equals(method) ? "GET" : method), path);
        if (!"GET".equals(method) && !"*".equals(method)) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}").with(csrf());
        }
        switch (who) {
            case ANONYMOUS -> { }
            case STATION -> request.header("Authorization", "Bearer " + Stations.enrolNew(stations).bearer());
            default -> request.with(user("matrix-" + who.name().toLowerCase()).roles(who.name()));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getHeader("Location");
        boolean denied = status == 401 || status == 403
                || status == 302 && location != null && location.endsWith("/login");
        assertThat(denied).as("%s as %s answered %s %s", endpoint, who, status, location == null ? "" : location)
                .isEqualTo(!allowed);
    }
}
