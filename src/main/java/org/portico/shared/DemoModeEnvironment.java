package org.portico.shared;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Demo mode is on exactly when no {@code spring.datasource.url} is configured (the embedded default),
 * unless {@code portico.demo.enabled} is set explicitly (DECISIONS.md). Added as the lowest-priority
 * property source so that any explicit setting wins.
 */
public class DemoModeEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("portico-demo-default", Map.of("portico.demo.enabled", embedded)));
	}
}
