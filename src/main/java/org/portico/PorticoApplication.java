package org.portico;

import java.util.Arrays;
import org.portico.payments.RefundCommand;
import org.springframework.boot.SpringApplication;
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
		// The bulk generator (--portico.generate.accounts=N) does not listen on a port and exits when done.
		// It keeps the web application's beans (pages need Spring Session's repository, which only a web
		// application has), so the context is the one that runs in production.
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--portico.generate.accounts"))) {
			application.setDefaultProperties(java.util.Map.of("server.port", "-1"));
		}
		application.run(args);
	}
}
