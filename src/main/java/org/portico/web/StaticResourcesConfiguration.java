package org.portico.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static resources under their own paths only ({@code spring.web.resources.add-mappings=false} turns off
 * Spring Boot's catch-all {@code /**} mapping). With the catch-all, every link a page renders
 * ({@code /dashboard}, {@code /settings}…) went through the resource chain to be versioned, missed the
 * class path on each render and was never cached: a jar lookup per link on every page.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	private static final CacheControl ONE_WEEK = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Bootstrap and htmx, referenced without their version (webjars-locator-lite adds it)
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(ONE_WEEK)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		// Our own files, with a content hash in their URLs so a new release is never served stale
		for (String folder : List.of("css", "js", "images")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(ONE_WEEK)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(ONE_WEEK);
	}
}
