package org.portico.payments.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the card-number guard on every path, ahead of Spring Session and Spring Security (CSRF, sign-in)
 * and everything after them, and just after the filter that reads the forms of PUT, PATCH and DELETE
 * requests, so that those are checked too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CardNumberRefusalConfiguration {

	/** After the form-content filter, well before Spring Security's chain (-100 by default). */
	static final int ORDER = OrderedFormContentFilter.DEFAULT_ORDER + 100;

	@Bean
	FilterRegistrationBean<CardNumberRefusalFilter> cardNumberRefusalFilter() {
		var registration = new FilterRegistrationBean<>(new CardNumberRefusalFilter());
		registration.setName("cardNumberRefusalFilter");
		registration.addUrlPatterns("/*");
		registration.setOrder(ORDER);
		return registration;
	}
}
