package org.portico;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Portico: the self-service account portal for internet, TV and phone providers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Modulithic(sharedModules = "shared")
public class PorticoApplication {

	public static void main(String[] args) {
		var application = new SpringApplication(PorticoApplication.class);
		// The bulk generator (--portico.generate.accounts=N) runs without a web server, so it can run
		// beside nothing else and exits when done.
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--portico.generate.accounts"))) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.run(args);
	}
}
