package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.server.testsupport.ServerTest;

/**
 * The consultation sockets over real HTTP and WebSocket: who gets in (the nurse, the admitted doctor, a guest with a
 * redeemed invitation; not another doctor, whose attempt is audited), and the signalling relay (peer list, the
 * server sets {@code from}, messages reach only the named peer). The clinical-media socket: the admitting doctor and
 * an invited specialist only, and a viewer past the publisher's limit is told so.
 */
@ServerTest
class ConsultationSocketsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired InvitationService invitations;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void onlyParticipantsGetInAndSignalsAreRelayedWithTheSenderSetByTheServer() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        Consultation c = w.admitted(consultations, "Toux");

        HttpClient doctor = signedIn(w.doctor().username());
        HttpClient nurse = signedIn(w.nurse().username());
        HttpClient other = signedIn(w.otherDoctor().username());
        String signal = "/ws/consultation/" + c.id() + "/signal";

        assertThatThrownBy(() -> socket(other, "/ws/consultation/" + c.id() + "/live", new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Encounter' and resource_id = :id"
                        + " and outcome = 'DENIED' and actor = :a").param("id", c.id().toString())
                .param("a", w.otherDoctor().username()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> socket(HttpClient.newHttpClient(), signal, new Inbox()))
                .as("anonymous: sent to the login page").hasStackTraceContaining("Unexpected HTTP response status code");

        Inbox doctorInbox = new Inbox();
        WebSocket doctorSocket = socket(doctor, signal, doctorInbox);
        JsonNode doctorWelcome = doctorInbox.next();
        assertThat(doctorWelcome.path("type").asText()).isEqualTo("welcome");
        assertThat(doctorWelcome.path("peers")).isEmpty();

        Inbox nurseInbox = new Inbox();
        WebSocket nurseSocket = socket(nurse, signal, nurseInbox);
        JsonNode nurseWelcome = nurseInbox.next();
        assertThat(nurseWelcome.path("peers")).hasSize(1);
        String doctorPeer = nurseWelcome.path("peers").get(0).path("id").asText();
        assertThat(doctorPeer).isEqualTo(doctorWelcome.path("id").asText());
        JsonNode joined = doctorInbox.next();
        assertThat(joined.path("type").asText()).isEqualTo("joined");
        assertThat(joined.path("id").asText()).isEqualTo(nurseWelcome.path("id").asText());

        nurseSocket.sendText("{\"to\":\"" + doctorPeer + "\",\"from\":\"forged\",\"description\":{\"type\":\"offer\","
                + "\"sdp\":\"v=0\"}}", true).get(5, TimeUnit.SECONDS);
        JsonNode offer = doctorInbox.next();
        assertThat(offer.path("from").asText()).isEqualTo(nurseWelcome.path("id").asText());
        assertThat(offer.path("description").path("sdp").asText()).isEqualTo("v=0");
        nurseSocket.sendText("not json", true).get(5, TimeUnit.SECONDS);
        assertThat(nurseInbox.next().path("type").asText()).isEqualTo("error");

        // A guest: the invitation link, used once, lets this browser into the public signalling path.
        var invitation = invitations.invite(c.id(), InvitationService.Role.INTERPRETER, "Interprète",
                w.doctorActor());
        HttpClient guest = client();
        HttpResponse<String> join = guest.send(HttpRequest.newBuilder(url("/public/consultation/join/"
                + invitation.token())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(join.statusCode()).isEqualTo(302);
        assertThat(join.headers().firstValue("Location").orElse("")).endsWith("/public/consultation/" + c.id()
                + "/room");
        Inbox guestInbox = new Inbox();
        socket(guest, "/public/consultation/" + c.id() + "/signal", guestInbox);
        assertThat(guestInbox.next().path("peers")).hasSize(2);
        // The interpreter hears and sees the conversation, not the clinical device data: refused and audited.
        assertThatThrownBy(() -> socket(guest, "/public/consultation/" + c.id() + "/live", new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Encounter' and resource_id = :id"
                        + " and outcome = 'DENIED' and detail = 'live data, guest interpreter'")
                .param("id", c.id().toString()).query(Long.class).single()).isEqualTo(1);
        // An invited specialist gets the live data, through the same guest path.
        var specialist = invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "Dr Cardio", w.doctorActor());
        HttpClient specialistClient = client();
        specialistClient.send(HttpRequest.newBuilder(url("/public/consultation/join/" + specialist.token())).build(),
                HttpResponse.BodyHandlers.ofString());
        socket(specialistClient, "/public/consultation/" + c.id() + "/live", new Inbox()).abort();
        HttpResponse<String> again = client().send(HttpRequest.newBuilder(url("/public/consultation/join/"
                + invitation.token())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).contains("id=\"invalid-link\"");

        doctorSocket.abort();
        JsonNode left = nurseInbox.next();
        while (!"left".equals(left.path("type").asText())) left = nurseInbox.next();
        assertThat(left.path("id").asText()).isEqualTo(doctorPeer);
    }

    @Test
    void clinicalMediaSocketIsTheAdmittingDoctorsAndAnInvitedSpecialistsOnly() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        Consultation c = w.admitted(consultations, "Otalgie");
        String doctorPath = "/ws/consultation/" + c.id() + "/media";
        String guestPath = "/public/consultation/" + c.id() + "/media";

        // The admitting doctor: in, told its media session (the station's publisher is not connected here).
        HttpClient doctor = signedIn(w.doctor().username());
        Inbox doctorInbox = new Inbox();
        WebSocket doctorSocket = socket(doctor, doctorPath, doctorInbox);
        assertThat(doctorInbox.next().path("type").asText()).isEqualTo("config");
        assertThat(doctorInbox.next().path("type").asText()).isEqualTo("station-offline");

        // An invited specialist: in, on the guest path, with the same messages.
        HttpClient specialist = redeemed(invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "Dr ORL",
                w.doctorActor()));
        Inbox specialistInbox = new Inbox();
        WebSocket specialistSocket = socket(specialist, guestPath, specialistInbox);
        JsonNode config = specialistInbox.next();
        assertThat(config.path("type").asText()).isEqualTo("config");
        assertThat(config.path("session").asText()).isNotBlank();
        assertThat(clinicalMediaReads(c, "SUCCESS", null)).isEqualTo(1);
        assertThat(clinicalMediaReads(c, "SUCCESS", "guest specialist")).isEqualTo(1);

        // An interpreter: refused, audited against the patient.
        HttpClient interpreter = redeemed(invitations.invite(c.id(), InvitationService.Role.INTERPRETER, "Interprète",
                w.doctorActor()));
        assertThatThrownBy(() -> socket(interpreter, guestPath, new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        assertThat(clinicalMediaReads(c, "DENIED", "guest interpreter")).isEqualTo(1);

        // A specialist invited to ANOTHER consultation: their pass is not for this one.
        ConsultationWorld elsewhere = ConsultationWorld.create(context);
        Consultation other = elsewhere.admitted(consultations, "Eczéma");
        HttpClient otherSpecialist = redeemed(invitations.invite(other.id(), InvitationService.Role.SPECIALIST,
                "Dr Dermato", elsewhere.doctorActor()));
        assertThatThrownBy(() -> socket(otherSpecialist, guestPath, new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        socket(otherSpecialist, "/public/consultation/" + other.id() + "/media", new Inbox()).abort();

        // Anonymous: refused on the guest path, sent to the login page on the professionals' one.
        assertThatThrownBy(() -> socket(client(), guestPath, new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code 403");
        assertThatThrownBy(() -> socket(client(), doctorPath, new Inbox()))
                .hasStackTraceContaining("Unexpected HTTP response status code");
        // The nurse, beside the patient, and another doctor: refused, audited.
        for (var who : new String[] {w.nurse().username(), w.otherDoctor().username()}) {
            assertThatThrownBy(() -> socket(signedIn(who), doctorPath, new Inbox())).as(who)
                    .hasStackTraceContaining("Unexpected HTTP response status code 403");
        }
        assertThat(clinicalMediaReads(c, "SUCCESS", null)).as("only the doctor and the specialist got in")
                .isEqualTo(1);
        assertThat(clinicalMediaReads(c, "SUCCESS", "guest specialist")).isEqualTo(1);

        // The station's publisher serves at most 4 sessions: two more of the doctor's tabs fill it, and the fifth
        // viewer is told why before its socket is closed (the page shows it instead of "cart offline").
        for (int i = 0; i < MediaSignalling.MAX_VIEWERS_PER_STATION - 2; i++) socket(doctor, doctorPath, new Inbox());
        Inbox fifth = new Inbox();
        socket(specialist, guestPath, fifth);
        JsonNode limit = fifth.next();
        assertThat(limit.path("type").asText()).isEqualTo("viewer-limit");
        assertThat(limit.path("max").asInt()).isEqualTo(MediaSignalling.MAX_VIEWERS_PER_STATION);
        assertThat(fifth.closeCode()).isEqualTo(1008);
        doctorSocket.abort();
        specialistSocket.abort();
    }

    private HttpClient redeemed(InvitationService.Invitation invitation) throws Exception {
        HttpClient guest = client();
        HttpResponse<String> join = guest.send(HttpRequest.newBuilder(url("/public/consultation/join/"
                + invitation.token())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(join.statusCode()).isEqualTo(302);
        return guest;
    }

    private long clinicalMediaReads(Consultation c, String outcome, String detail) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'ClinicalMedia' and resource_id = :id"
                        + " and outcome = :outcome and coalesce(detail, '') = :detail")
                .param("id", c.id().toString()).param("outcome", outcome).param("detail", detail == null ? "" : detail)
                .query(Long.class).single();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient http = client();
        String page = http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF token on the login page").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + ConsultationWorld.PASSWORD + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    /**
     * The live and media sockets stream whatever the station sends, so they must not outlive the consultation's
     * patient at the station: interrupting closes the clinical media (the live data stay, the patient is still there),
     * ending closes the live data, and a live socket for an ended consultation is refused — otherwise a page left open
     * would show the next patient examined at that cart.
     */
    @Test
    void patientDataSocketsCloseWhenTheConsultationLeavesProgress() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        Consultation c = w.admitted(consultations, "Vertiges");
        HttpClient doctor = signedIn(w.doctor().username());
        String live = "/ws/consultation/" + c.id() + "/live";
        Inbox liveInbox = new Inbox();
        socket(doctor, live, liveInbox);
        Inbox mediaInbox = new Inbox();
        socket(doctor, "/ws/consultation/" + c.id() + "/media", mediaInbox);
        assertThat(mediaInbox.next().path("type").asText()).isEqualTo("config");

        consultations.interrupt(c.id(), w.doctorActor());
        assertThat(mediaInbox.closeCode()).as("media closed on interruption").isEqualTo(1008);
        assertThat(liveInbox.closed).as("live data stay while interrupted").isNotDone();

        consultations.resume(c.id(), w.doctorActor());
        consultations.endVideo(c.id(), w.doctorActor());
        assertThat(liveInbox.closeCode()).as("live closed when the consultation ends").isEqualTo(1008);

        Inbox late = new Inbox();
        socket(doctor, live, late);
        assertThat(late.closeCode()).as("no live data for an ended consultation").isEqualTo(1008);
    }

    private WebSocket socket(HttpClient http, String path, Inbox inbox) throws Exception {
        String cookie = http.cookieHandler().map(h -> ((CookieManager) h).getCookieStore().getCookies().stream()
                .map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("")).orElse("");
        var builder = http.newWebSocketBuilder();
        if (!cookie.isEmpty()) builder.header("Cookie", cookie);
        return builder.buildAsync(URI.create("ws://localhost:" + port + path), inbox).get(10, TimeUnit.SECONDS);
    }

    static final class Inbox implements WebSocket.Listener {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        /** The close code the server sent, within 10 s. */
        int closeCode() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws Exception {
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return JSON.readTree(m);
        }
    }
}
