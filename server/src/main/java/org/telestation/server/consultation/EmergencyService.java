package org.telestation.server.consultation;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.directory.StationService;
import org.telestation.server.measurements.StationRef;
import org.telestation.server.platform.SmsSender;

/**
 * The emergency button on the nurse's screen: alerts the on-call local doctor configured for the station's site by
 * e-mail and SMS, and answers with the doctor's name and phone number so the nurse can call at once. The alert
 * names the site and the station, never the patient.
 */
@Service
public class EmergencyService {
    private static final Logger log = LoggerFactory.getLogger(EmergencyService.class);

    /** @param onCallPhone shown on the nurse's screen; null when the site has none configured */
    public record Alert(String siteName, String onCallDoctor, String onCallPhone, boolean emailed, boolean texted) {
    }

    private final StationService stations;
    private final SiteService sites;
    private final JavaMailSender mail;
    private final SmsSender sms;
    private final AuditLog audit;
    private final String from;

    EmergencyService(StationService stations, SiteService sites, JavaMailSender mail, SmsSender sms, AuditLog audit,
                     @Value("${telestation.mail.from}") String from) {
        this.stations = stations;
        this.sites = sites;
        this.mail = mail;
        this.sms = sms;
        this.audit = audit;
        this.from = from;
    }

    public Alert raise(StationRef station) {
        Optional<Site> site = stations.find(station.id()).map(s -> s.siteId()).flatMap(sites::find);
        if (site.isEmpty()) {
            audit.record(AuditLog.Action.CREATE, "EmergencyAlert", station.code(), null, AuditLog.Outcome.FAILURE,
                    "station has no site");
            return new Alert(null, null, null, false, false);
        }
        Site s = site.get();
        String text = "URGENCE Telestation : l'infirmier(ère) du site « " + s.name() + " » (station "
                + station.code() + ") demande l'intervention du médecin de garde. Rappeler : "
                + (s.phone() == null ? "le site" : s.phone());
        boolean emailed = false;
        if (s.onCallEmail() != null && !s.onCallEmail().isBlank()) {
            try {
                SimpleMailMessage m = new SimpleMailMessage();
                m.setFrom(from);
                m.setTo(s.onCallEmail());
                m.setSubject("URGENCE — téléconsultation " + s.name());
                m.setText(text);
                mail.send(m);
                emailed = true;
            } catch (MailException e) {
                log.warn("emergency e-mail not sent for station {}: {}", station.code(), e.getClass().getSimpleName());
            }
        }
        boolean texted = false;
        if (s.onCallPhone() != null && !s.onCallPhone().isBlank()) {
            try {
                sms.send(s.onCallPhone(), text);
                texted = true;
            } catch (RuntimeException e) {
                log.warn("emergency SMS not sent for station {}: {}", station.code(), e.getClass().getSimpleName());
            }
        }
        audit.record(AuditLog.Action.CREATE, "EmergencyAlert", station.code(), null,
                emailed || texted ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.FAILURE,
                "e-mail " + emailed + ", sms " + texted);
        return new Alert(s.name(), s.onCallDoctor(), s.onCallPhone(), emailed, texted);
    }
}
