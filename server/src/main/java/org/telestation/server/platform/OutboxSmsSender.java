package org.telestation.server.platform;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Queues texts in {@code sms_outbox}, in the caller's transaction; no gateway is wired by default, nothing is logged. */
class OutboxSmsSender implements SmsSender {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxSmsSender(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        jdbc.sql("insert into sms_outbox(phone, body, created_at) values (:phone, :body, :now)")
                .param("phone", phone).param("body", text.length() > 480 ? text.substring(0, 480) : text)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Configuration(proxyBeanMethods = false)
    static class DefaultSmsSender {
        @Bean
        @ConditionalOnMissingBean(SmsSender.class)
        SmsSender outboxSmsSender(JdbcClient jdbc, Clock clock) {
            return new OutboxSmsSender(jdbc, clock);
        }
    }
}
