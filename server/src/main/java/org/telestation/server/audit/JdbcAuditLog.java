package org.telestation.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(Action action, String resourceType, String resourceId, UUID patientId, Outcome outcome,
                       String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())
                ? "anonymous" : auth.getName();
        String role = auth == null ? "ANONYMOUS" : auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst().orElse("ANONYMOUS");
        insert(actor, role, action, resourceType, resourceId, patientId, outcome, detail);
    }

    @Override
    public void signIn(String username, String role, Outcome outcome, String detail) {
        insert(username == null || username.isBlank() ? "unknown" : username, role == null ? "ANONYMOUS" : role,
                Action.LOGIN, "Account", null, null, outcome, detail);
    }

    private void insert(String actor, String role, Action action, String resourceType, String resourceId,
                        UUID patientId, Outcome outcome, String detail) {
        jdbc.sql("""
                insert into audit_event(occurred_at, actor, actor_role, action, resource_type, resource_id, patient_id,
                                        outcome, source_ip, detail)
                values (:at, :actor, :role, :action, :type, :id, :patient, :outcome, :ip, :detail)""")
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .param("actor", truncate(actor, 100))
                .param("role", truncate(role, 20))
                .param("action", action.name())
                .param("type", resourceType)
                .param("id", resourceId)
                .param("patient", patientId)
                .param("outcome", outcome.name())
                .param("ip", clientAddress())
                .param("detail", truncate(detail, 500))
                .update();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
