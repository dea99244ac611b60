package org.telestation.server.expertise;

/**
 * The professional is not (or no longer) a member of the CPTS circle with the right to do this: 403 with a clear
 * message ({@link ExpertiseErrorAdvice}).
 */
public class NotInCircleException extends RuntimeException {

    private final String messageKey;

    public NotInCircleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
