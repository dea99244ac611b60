package org.telestation.server.consultation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({VideoProperties.class, ActService.Amounts.class})
class ConsultationConfig {
    private static final Logger log = LoggerFactory.getLogger(ConsultationConfig.class);

    /** Until an SMS gateway is configured: records that a text was due, without the number or the text. */
    @Bean
    @ConditionalOnMissingBean
    SmsSender loggingSmsSender() {
        return (phone, text) -> log.warn("no SMS gateway configured: an SMS was not sent");
    }
}
