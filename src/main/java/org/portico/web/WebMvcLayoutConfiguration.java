package org.portico.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the layout interceptor for pages (not static resources or the API). */
@Configuration(proxyBeanMethods = false)
class WebMvcLayoutConfiguration implements WebMvcConfigurer {

	private final LayoutInterceptor layout;

	WebMvcLayoutConfiguration(LayoutInterceptor layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(layout).excludePathPatterns("/api/**", "/css/**", "/js/**", "/images/**", "/webjars/**");
	}
}
