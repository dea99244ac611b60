package org.telestation.server.audit;

import java.util.UUID;

/**
 * The one way to leave an audit trace. Every read or write of patient data calls it, in the same transaction as the
 * access when there is one, so a trace exists exactly when the access happened.
 */
public interface AuditLog {

    enum Action { READ, CREATE, UPDATE, DELETE, LOGIN, EXPORT }

    enum Outcome { SUCCESS, DENIED, FAILURE }

    /**
     * Records an access by the current principal (user, station or anonymous), from the current request's address.
     *
     * @param resourceType e.g. "Patient", "Appointment"
     * @param resourceId   the resource's id, or null
     * @param patientId    the patient whose data it is, or null
     * @param detail       a short description with no patient data in it (no names, no INS)
     */
    void record(Action action, String resourceType, String resourceId, UUID patientId, Outcome outcome, String detail);

    /**
     * Records a sign-in attempt ({@link Action#LOGIN} on an {@code Account}) in the name of the username it was made
     * for: a failed attempt has no principal to take the name from.
     *
     * @param username what the person typed or the identity provider named; never a password
     * @param role     the role granted on success, or null
     * @param detail   how (form, OIDC) and why it failed, with no patient data
     */
    void signIn(String username, String role, Outcome outcome, String detail);

    default void read(String resourceType, String resourceId, UUID patientId) {
        record(Action.READ, resourceType, resourceId, patientId, Outcome.SUCCESS, null);
    }

    default void wrote(Action action, String resourceType, String resourceId, UUID patientId) {
        record(action, resourceType, resourceId, patientId, Outcome.SUCCESS, null);
    }
}
