package org.portico.payments;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.portico.billing.BillingProperties;
import org.portico.payments.integration.GatewayRejectedException;
import org.portico.payments.integration.GatewayUnavailableException;
import org.portico.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The operator's refund command (README “Operations”), until staff have logins of their own:
 * {@code java -jar portico.jar refund --receipt=<receipt> [--amount=12.34] --reason=<why> --operator=<name>}.
 * Portico starts without listening on a port and without its jobs, makes the refund, prints one line and
 * exits with 0 (refunded, or found refunded already) or 1 (refused, or the arguments are wrong).
 */
@Component
public class RefundCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "refund";

	static final String USAGE = "usage: refund --receipt=<receipt number> [--amount=12.34] --reason=\"<why>\" "
			+ "--operator=<your name>";

	private static final Set<String> OPTIONS = Set.of("receipt", "amount", "reason", "operator");

	private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");

	/**
	 * What the command's Spring application runs with besides the operator's arguments: a web application
	 * context that does not listen on any port (server.port=-1; sessions and the security configuration are
	 * web beans other modules need), no scheduled jobs (the running nodes do that work), no replay of other
	 * nodes' outstanding events, and time at shutdown for the refund's own notice to be written.
	 */
	private static final List<String> SETTINGS = List.of("--server.port=-1", "--portico.billing.run-enabled=false",
			"--portico.billing.print.enabled=false", "--portico.payments.reconcile-enabled=false",
			"--portico.payments.dunning-enabled=false",
			"--spring.modulith.events.republish-outstanding-events-on-restart=false",
			"--spring.task.execution.shutdown.await-termination=true",
			"--spring.task.execution.shutdown.await-termination-period=30s",
			"--spring.task.scheduling.shutdown.await-termination=true",
			"--spring.task.scheduling.shutdown.await-termination-period=30s");

	/** Settings the operator may override: a quiet log, so that the result line stands out. */
	private static final Map<String, Object> DEFAULTS = Map.of("logging.level.root", "warn", "spring.main.banner-mode",
			"off");

	private final Refunds refunds;

	private final BillingProperties billing;

	RefundCommand(Refunds refunds, BillingProperties billing) {
		this.refunds = refunds;
		this.billing = billing;
	}

	/** The arguments to start Spring with for the command: the command's settings, then the operator's. */
	public static String[] springArguments(String[] args) {
		var all = new ArrayList<>(SETTINGS);
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}

	/** Defaults for the command's Spring application (lower than any setting the operator gives). */
	public static Map<String, Object> defaultProperties() {
		return DEFAULTS;
	}

	/**
	 * What is wrong with the arguments (and the usage), before Spring starts; empty when they are
	 * well-formed.
	 */
	public static Optional<String> argumentError(String[] args) {
		try {
			Arguments.parse(args);
			return Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.of("refund: " + e.getMessage() + System.lineSeparator() + USAGE);
		}
	}

	/** Runs the command; returns the process's exit code. */
	public int run(String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException e) {
			err.println("refund: " + e.getMessage());
			err.println(USAGE);
			return 1;
		}
		try {
			Refund refund = refunds.refund(arguments.receipt(),
					arguments.amount().map(amount -> new Money(amount, billing.currency())), arguments.reason(),
					arguments.operator());
			out.println(describe(refund));
			return 0;
		}
		catch (RefundRefusedException e) {
			err.println("Refund refused: " + e.getMessage() + ". Nothing was refunded.");
		}
		catch (GatewayRejectedException e) {
			err.println("Refund refused by the gateway (" + e.code() + "): " + e.getMessage()
					+ ". Nothing was refunded.");
		}
		catch (GatewayUnavailableException e) {
			err.println("The gateway did not answer (" + e.getMessage() + "): whether the refund went through is "
					+ "unknown. Run the same command again: it cannot refund twice.");
		}
		catch (IllegalArgumentException e) {
			err.println("refund: " + e.getMessage());
		}
		return 1;
	}

	private static String describe(Refund refund) {
		String done = refund.repeated() ? "Already refunded " : "Refunded ";
		String line = done + refund.amount().formatted() + " of receipt " + refund.receiptNumber() + " on "
				+ refund.refundedOn() + "; payment " + refund.paymentStatus() + ", " + refund.refundedInTotal().formatted()
				+ " of " + refund.paymentAmount().formatted() + " refunded (refund " + refund.id() + ")";
		if (refund.repeated()) {
			line += "; nothing moved this time";
		}
		if (refund.pendingAtGateway()) {
			line += "; the gateway is still returning the money";
		}
		return line;
	}

	/**
	 * The command's arguments. Options are {@code --name=value}; options with a dot in their name are
	 * Spring's ({@code --spring.datasource.url=...}) and left to it.
	 *
	 * @param amount in the billing currency, more than zero, at most two decimals; empty: all that is left
	 */
	record Arguments(String receipt, Optional<BigDecimal> amount, String reason, String operator) {

		static Arguments parse(String[] args) {
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (i == 0 && arg.equals(NAME)) {
					continue;
				}
				if (!arg.startsWith("--")) {
					throw new IllegalArgumentException("unexpected argument '" + arg + "'");
				}
				int equals = arg.indexOf('=');
				String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
				if (name.contains(".")) {
					continue;
				}
				if (!OPTIONS.contains(name)) {
					throw new IllegalArgumentException("unknown option --" + name);
				}
				if (equals < 0) {
					throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
				}
				if (options.put(name, arg.substring(equals + 1).strip()) != null) {
					throw new IllegalArgumentException("--" + name + " is given twice");
				}
			}
			String receipt = required(options, "receipt");
			String reason = required(options, "reason");
			String operator = required(options, "operator");
			if (reason.length() > 500) {
				throw new IllegalArgumentException("--reason is at most 500 characters");
			}
			if (operator.length() > 100) {
				throw new IllegalArgumentException("--operator is at most 100 characters");
			}
			Optional<BigDecimal> amount = Optional.ofNullable(options.get("amount")).map(Arguments::amount);
			return new Arguments(receipt, amount, reason, operator);
		}

		private static BigDecimal amount(String text) {
			if (!AMOUNT.matcher(text).matches()) {
				throw new IllegalArgumentException("--amount is an amount like 12.34 (digits, at most two decimals), not '"
						+ text + "'");
			}
			var amount = new BigDecimal(text);
			if (amount.signum() <= 0) {
				throw new IllegalArgumentException("--amount must be more than zero");
			}
			return amount;
		}

		private static String required(Map<String, String> options, String name) {
			String value = options.get(name);
			if (value == null || value.isEmpty()) {
				throw new IllegalArgumentException("--" + name + " is required");
			}
			return value;
		}
	}
}
