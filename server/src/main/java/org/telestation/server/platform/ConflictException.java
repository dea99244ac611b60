package org.telestation.server.platform;

/** The request is well-formed but clashes with the current state (e.g. already a member): 409. */
public class ConflictException extends RuntimeException {
    private final String messageKey;

    /** @param messageKey an i18n key describing the conflict for a person */
    public ConflictException(String messageKey, String technicalMessage) {
        super(technicalMessage);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
