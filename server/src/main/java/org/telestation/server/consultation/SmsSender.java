package org.telestation.server.consultation;

/**
 * Sends a short text to a phone (same shape as booking's interface; the lead merges them into one). The default
 * implementation only logs that a message was due, without the number or the text; a gateway implements this.
 */
public interface SmsSender {
    void send(String phone, String text);
}
