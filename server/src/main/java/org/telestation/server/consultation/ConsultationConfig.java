package org.telestation.server.consultation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({VideoProperties.class, ActService.Amounts.class})
class ConsultationConfig {
}
