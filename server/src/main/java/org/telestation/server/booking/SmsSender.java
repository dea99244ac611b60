package org.telestation.server.booking;

/**
 * Sends a short text to a phone. The default implementation only queues the message in {@code sms_outbox} for a
 * gateway to pick up; a real gateway implements this interface. Implementations must never log the number or the text.
 */
public interface SmsSender {
    void send(String phone, String text);
}
