package org.telestation.server.platform;

/**
 * Sends a short text to a phone, for every capability (booking reminders, emergency alerts). The default
 * implementation ({@code OutboxSmsSender}) only queues the message in {@code sms_outbox} for a gateway to pick up; a
 * real gateway implements this interface. Implementations must never log the number or the text.
 */
public interface SmsSender {
    void send(String phone, String text);
}
