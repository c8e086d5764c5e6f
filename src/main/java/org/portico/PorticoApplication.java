package org.portico;

import java.util.Arrays;
import org.portico.payments.RefundCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
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
		// Operator commands (README "Operations") run without jobs and without listening on a port, print a
		// line and exit.
		if (args.length > 0 && args[0].equals(RefundCommand.NAME)) {
			var error = RefundCommand.argumentError(args);
			if (error.isPresent()) {
				System.err.println(error.get());
				System.exit(1);
			}
			application.setDefaultProperties(RefundCommand.defaultProperties());
			ConfigurableApplicationContext context = application.run(RefundCommand.springArguments(args));
			int code = context.getBean(RefundCommand.class).run(args, System.out, System.err);
			System.exit(SpringApplication.exit(context, () -> code));
		}
		// The bulk generator (--portico.generate.accounts=N) runs without a web server, so it can run
		// beside nothing else and exits when done.
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--portico.generate.accounts"))) {
			application.setWebApplicationType(WebApplicationType.NONE);
		}
		application.run(args);
	}
}
