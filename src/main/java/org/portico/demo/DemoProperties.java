package org.portico.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode ({@code portico.demo.*}).
 *
 * @param enabled seed the demo provider and show the demo ribbon; defaults to true exactly when no
 *     {@code spring.datasource.url} is configured
 * @param loginSecret the password of every demo login (listed in the README; demo data only)
 */
@ConfigurationProperties("portico.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("riverbend-demo-2026") String loginSecret) {
}
