package org.portico.web;

import java.time.Duration;
import org.portico.shared.ProviderProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's colours as CSS custom properties, so that pages need no inline styles (the CSP allows
 * styles from this origin only). The values are validated {@code #rrggbb} colours.
 */
@RestController
class ThemeController {

	private final String css;

	ThemeController(ProviderProperties provider) {
		this.css = """
				:root {
				  --portico-primary: %s;
				  --portico-accent: %s;
				  --bs-primary: %1$s;
				  --bs-link-color: %1$s;
				  --bs-link-hover-color: %1$s;
				}
				""".formatted(provider.primaryColor(), provider.accentColor());
	}

	@GetMapping(path = "/theme.css", produces = "text/css")
	ResponseEntity<String> theme() {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/css"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(css);
	}
}
